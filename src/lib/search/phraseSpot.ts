import { normalizeForMatch } from "./parseQuery.ts";
import type { Run } from "./sectionExcerpt.ts";

/** One normalized word of a page and the Pagefind word position it sits at. */
export interface PositionedToken {
  token: string;
  position: number;
}

// The same word split Pagefind uses, so positions line up with its locations.
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/**
 * A page's words as Pagefind numbers them, each normalized as phrases are compared;
 * "index-migration" at position 12 gives "index" and "migration", both at 12.
 */
export function positionedTokens(rawContent: string): PositionedToken[] {
  return rawContent.split(WORD_SEPARATORS).flatMap((word, position) =>
    normalizeForMatch(word)
      .split(" ")
      .filter(Boolean)
      .map((token) => ({ token, position })),
  );
}

/**
 * Where `phrase` first appears word for word (ignoring case and punctuation) between word
 * positions `from` (inclusive) and `to` (exclusive): the run of positions it covers.
 */
export function findPhrase(
  tokens: readonly PositionedToken[],
  phrase: string,
  bounds: { from: number; to: number },
): Run | undefined {
  const wanted = normalizeForMatch(phrase).split(" ").filter(Boolean);
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

/** The words of a page at the given positions, as written (punctuation trimmed), without repeats. */
export function wordsAt(rawContent: string, positions: readonly number[]): string[] {
  const words = rawContent.split(WORD_SEPARATORS);
  const found = positions
    .map((position) => (words[position] ?? "").replace(/^[^\p{Letter}\p{Number}]+|[^\p{Letter}\p{Number}]+$/gu, ""))
    .filter(Boolean);
  return [...new Set(found.map((word) => word.toLowerCase()))];
}
