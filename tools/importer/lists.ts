import { plainText } from "./inline.ts";
import type { Block, ListItem, SourceLine } from "./types.ts";

// "•" bullets as copied from web pages, plus the ASCII ones people type.
const BULLET = /^\s*[•◦▪‣●*-]\s+(\S.*)$/u;
// Three digits at most: "1986. That year..." opens a sentence, not a list.
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(\S.*)$/;
const MAX_PLAIN_ITEM_CHARS = 160;

/** Reads a bullet ("• x", "- x", "* x") or numbered ("1. x", "2) x") line; null for prose. */
export function readListLine(text: string): { ordered: boolean; number: number; text: string } | null {
  const numbered = NUMBERED.exec(text);
  if (numbered) return { ordered: true, number: Number(numbered[1]), text: numbered[2]!.trim() };
  const bullet = BULLET.exec(text);
  return bullet ? { ordered: false, number: 0, text: bullet[1]!.trim() } : null;
}

/** The run of list lines that starts at `lines[from]`, ending before a line that is no list line or `more` rejects. */
export function listRun(lines: readonly SourceLine[], from: number, more = (_: SourceLine) => true): SourceLine[] {
  let end = from + 1;
  while (end < lines.length && readListLine(lines[end]!.text) && more(lines[end]!)) end++;
  return lines.slice(from, end);
}

/**
 * The list blocks for a run of list lines. A numbered list continues only while the numbers count up by
 * one (Markdown renumbers items); a lone numbered line not starting at 1 ("3. Measure…") stays a paragraph.
 */
export function listBlocks(lines: readonly SourceLine[]): Block[] {
  const runs: { ordered: boolean; start: number; items: ListItem[]; text: string }[] = [];
  let expected = 0;
  for (const line of lines) {
    const item = readListLine(line.text);
    if (!item) continue;
    const current = runs.at(-1);
    const entry = { line: line.number, text: item.text };
    if (current && current.ordered === item.ordered && (!item.ordered || item.number === expected)) {
      current.items.push(entry);
    } else {
      runs.push({ ordered: item.ordered, start: item.ordered ? item.number : 1, items: [entry], text: line.text });
    }
    if (item.ordered) expected = item.number + 1;
  }
  return runs.map(({ text, ...run }): Block => {
    const lone = run.ordered && run.start !== 1 && run.items.length === 1;
    return lone ? { type: "paragraph", line: run.items[0]!.line, text: text.trim() } : { type: "list", ...run };
  });
}

/**
 * Lists whose bullets a copy lost: after a line ending in ":" (one blank line allowed), two or more short
 * lines with no blank line between them, up to a blank line. `body` holds blank lines too.
 */
export function findPlainLists(body: readonly SourceLine[]): SourceLine[][] {
  const runs: SourceLine[][] = [];
  for (let i = 0; i < body.length; i++) {
    if (!plainText(body[i]!.text).trim().endsWith(":")) continue;
    let j = body[i + 1]?.text.trim() === "" ? i + 2 : i + 1;
    const run: SourceLine[] = [];
    while (j < body.length && body[j]!.text.trim() !== "") run.push(body[j++]!);
    const short = (line: SourceLine) => line.text.trim().length <= MAX_PLAIN_ITEM_CHARS;
    const listLike = run.every(
      (line) => short(line) && !readListLine(line.text) && !/\?["'”’]*$/.test(line.text.trim()),
    );
    if (run.length >= 2 && listLike) runs.push(run);
  }
  return runs;
}
