import { escapeInline, escapeLineStart } from "./escapeMarkdown.ts";

/** A run of a line's words, emphasised or not; the markers that set it apart are gone. */
export interface InlineRun {
  text: string;
  emphasis?: "em" | "strong";
}

// Longest first, so "**x**" is strong rather than two empty emphases.
const MARKERS = ["**", "__", "*", "_"] as const;
const OPENS_AFTER = /[\s([{"'“‘«—–/-]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Reads `_x_`, `*x*`, `**x**` and `__x__` in plain text as emphasis, the way e-mails and forums
 * mark it. An opener follows a space or an opening mark and precedes a non-space; its closer is
 * the next same marker that either follows a non-space, or (as e-mails write it, "_a team. _This")
 * follows a space and precedes a letter; then the space belongs outside. Intra-word marks
 * (`snake_case`) and lone marks stay text.
 */
export function readInline(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const marker = MARKERS.find((m) => text.startsWith(m, i));
    if (!marker || !opensAt(text, i, marker)) {
      i += marker?.length ?? 1;
      continue;
    }
    const close = findCloser(text, i + marker.length, marker);
    if (close === -1) {
      i += marker.length;
      continue;
    }
    const inner = text.slice(i + marker.length, close);
    const words = inner.trimEnd();
    if (!WORD.test(words)) {
      i += marker.length;
      continue;
    }
    if (i > plainFrom) runs.push({ text: text.slice(plainFrom, i) });
    runs.push({ text: words, emphasis: marker.length === 2 ? "strong" : "em" });
    // "_a team. _This": the space before the closer is between words, not inside the emphasis.
    if (inner.length > words.length) runs.push({ text: inner.slice(words.length) });
    i = close + marker.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) runs.push({ text: text.slice(plainFrom) });
  return merge(runs);
}

function opensAt(text: string, at: number, marker: string): boolean {
  const before = at === 0 ? " " : text[at - 1]!;
  const after = text[at + marker.length];
  return OPENS_AFTER.test(before) && after !== undefined && !/\s/u.test(after) && after !== marker[0];
}

function findCloser(text: string, from: number, marker: string): number {
  for (let j = text.indexOf(marker, from); j !== -1; j = text.indexOf(marker, j + 1)) {
    if (j === from) continue;
    const before = text[j - 1]!;
    const after = text[j + marker.length];
    const doubled = after === marker[0] || before === marker[0];
    if (doubled) continue;
    const endsWord = after === undefined || !WORD.test(after);
    if (!/\s/u.test(before) && endsWord) return j;
    if (/\s/u.test(before) && after !== undefined && WORD.test(after)) return j;
  }
  return -1;
}

function merge(runs: InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && !last.emphasis && !run.emphasis) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** A line's words without its emphasis marks: what a reader sees. */
export function plainText(text: string): string {
  return readInline(text)
    .map((run) => run.text)
    .join("");
}

/** A block's text as Markdown: every character escaped, its emphasis written as `*x*` / `**x**`. */
export function emphasisMarkdown(text: string): string {
  const out = readInline(text)
    .map((run) => {
      const escaped = escapeInline(run.text);
      return run.emphasis === "strong" ? `**${escaped}**` : run.emphasis === "em" ? `*${escaped}*` : escaped;
    })
    .join("");
  return escapeLineStart(out);
}
