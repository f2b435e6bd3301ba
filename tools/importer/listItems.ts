import type { Block, ListItem, SourceLine } from "./types.ts";

// "•" bullets as copied from web pages, plus the ASCII ones people type.
const BULLET = /^\s*[•◦▪‣●*-]\s+(\S.*)$/u;
// Three digits at most: "1986. That year..." opens a sentence, not a list.
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(\S.*)$/;

/** A line read as a list entry: bullet or number, and the words after it. */
export type ListLine = { ordered: false; text: string } | { ordered: true; number: number; text: string };

/** Reads a bullet ("• x", "- x", "* x") or numbered ("1. x", "2) x") line; null for prose. */
export function readListLine(text: string): ListLine | null {
  const numbered = NUMBERED.exec(text);
  if (numbered) return { ordered: true, number: Number(numbered[1]), text: numbered[2]!.trim() };
  const bullet = BULLET.exec(text);
  if (bullet) return { ordered: false, text: bullet[1]!.trim() };
  return null;
}

/** One run of list lines that can be written as a single Markdown list without changing a number. */
export interface ListRun {
  ordered: boolean;
  start: number;
  items: ListItem[];
}

/**
 * The blocks for a run of list lines. A lone numbered line that does not start at 1
 * ("3. Measure what matters") stays a paragraph: as a list it would lose nothing, but
 * readers would see a one-item list where the speaker wrote a sentence.
 */
export function listBlocks(lines: readonly SourceLine[]): Block[] {
  return groupListLines(lines).map((run): Block => {
    const only = run.items[0]!;
    if (run.ordered && run.start !== 1 && run.items.length === 1) {
      return { type: "paragraph", line: only.line, text: lines.find((l) => l.number === only.line)!.text.trim() };
    }
    return { type: "list", ...run };
  });
}

/**
 * Groups list lines into runs. A numbered run continues only while the numbers count up
 * by one, because Markdown renumbers items and a skipped number would silently change.
 */
export function groupListLines(lines: readonly SourceLine[]): ListRun[] {
  const runs: ListRun[] = [];
  let expected = 0;
  for (const line of lines) {
    const item = readListLine(line.text);
    if (!item) continue;
    const current = runs.at(-1);
    const continues = current && current.ordered === item.ordered && (!item.ordered || item.number === expected);
    if (continues) {
      current.items.push({ line: line.number, text: item.text });
    } else {
      runs.push({
        ordered: item.ordered,
        start: item.ordered ? item.number : 1,
        items: [{ line: line.number, text: item.text }],
      });
    }
    if (item.ordered) expected = item.number + 1;
  }
  return runs;
}
