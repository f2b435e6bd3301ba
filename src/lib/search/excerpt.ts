/* Search excerpts and word positions: Pagefind's marked excerpts read as text, and excerpts of our own around a phrase. */
import { EDGE_PUNCTUATION, matchWords } from "./parseQuery.ts";

/** A Pagefind excerpt as text runs, marked where it matched: `<mark>` is the only markup Pagefind adds, so no other tag becomes an element. */
export function parseExcerpt(excerpt: string) {
  // Pagefind marks each word of a phrase on its own; one mark across the spaces reads as one phrase.
  // It escapes only < and > in the text it returns; ampersands arrive as typed.
  return excerpt
    .replace(/<\/mark>(\s*)<mark>/g, "$1")
    .split(/<mark>(.*?)<\/mark>/s)
    .map((text, i) => ({ text: text.replace(/&lt;/g, "<").replace(/&gt;/g, ">"), marked: i % 2 === 1 }))
    .filter((segment) => segment.text !== "");
}

/** Consecutive word positions: where the words of a query sit side by side. */
export interface Run {
  start: number;
  length: number;
}

/** Word positions from `from` up to `to` (exclusive): a section of a page. */
export type Bounds = { from: number; to: number };

/** The longest stretch of consecutive word positions, the earliest on a tie, counted no further than `cap`. */
export function longestRun(positions: readonly number[], cap = Number.POSITIVE_INFINITY): Run {
  // A typed array sorts numbers natively, several times faster than Array#sort with a comparator.
  const sorted = Int32Array.from(positions).sort();
  let best: Run = { start: sorted[0] ?? 0, length: sorted.length > 0 ? 1 : 0 };
  let start = best.start;
  for (let i = 1; i < sorted.length && best.length < cap; i += 1) {
    const here = sorted[i] ?? 0;
    const step = here - (sorted[i - 1] ?? 0);
    if (step > 1) start = here;
    if (here - start + 1 > best.length) best = { start, length: here - start + 1 };
  }
  return { start: best.start, length: Math.min(best.length, cap) };
}

// The same word split Pagefind uses, so positions line up with its locations.
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

let lastPage: { raw: string; words: string[] } | undefined;

/** A page's words, numbered as Pagefind numbers them; the last page's are kept, since each result reads its page several times. */
function pageWords(raw: string): string[] {
  if (lastPage?.raw !== raw) lastPage = { raw, words: raw.split(WORD_SEPARATORS) };
  return lastPage.words;
}

/** An excerpt in Pagefind's format centred on a run of matches, inside its section (Pagefind's own sits on the densest cluster). */
export function excerptAroundRun(raw: string, run: Run, locations: number[], section: Bounds, length: number): string {
  const words = pageWords(raw);
  const to = Math.min(section.to, words.length);
  const size = Math.min(length, to - section.from);
  const start = Math.max(section.from, Math.min(run.start - Math.floor((size - run.length) / 2), to - size));
  const marked = new Set(locations);
  return words
    .slice(start, start + size)
    .map((word, offset) => (marked.has(start + offset) ? `<mark>${word}</mark>` : word))
    .join(" ")
    .trim();
}

/** One normalized word of a page and the Pagefind word position it sits at. */
export type PositionedToken = ReturnType<typeof positionedTokens>[number];

const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/** A page's words as Pagefind numbers them, normalized: "index-migration" at 12 gives "index" and "migration", both at 12. */
export function positionedTokens(rawContent: string) {
  return pageWords(rawContent).flatMap((word, position) =>
    // Most words are plain letters and digits: lower-casing them is all normalizing would do, at a
    // fraction of its cost (this runs over every word of every result shown, on every keystroke).
    PLAIN_WORD.test(word)
      ? [{ token: word.toLowerCase(), position }]
      : matchWords(word).map((token) => ({ token, position })),
  );
}

/** Where `phrase` first appears word for word between positions `from` and `to` (exclusive): the run it covers. */
export function findPhrase(tokens: readonly PositionedToken[], phrase: string, bounds: Bounds): Run | undefined {
  const wanted = matchWords(phrase);
  if (wanted.length === 0) return undefined;
  for (let i = 0; i + wanted.length <= tokens.length; i += 1) {
    const first = tokens[i];
    if (!first || first.position < bounds.from) continue;
    if (first.position >= bounds.to) break;
    if (wanted.every((word, k) => tokens[i + k]?.token === word)) {
      const last = tokens[i + wanted.length - 1]?.position ?? first.position;
      return { start: first.position, length: last - first.position + 1 };
    }
  }
  return undefined;
}

/** The words of a page at the given positions, as written (punctuation trimmed), lower-cased, without repeats. */
export function wordsAt(rawContent: string, positions: readonly number[]): string[] {
  const words = pageWords(rawContent);
  const found = positions.map((position) => (words[position] ?? "").replace(EDGE_PUNCTUATION, "").toLowerCase());
  return [...new Set(found.filter(Boolean))];
}
