import { longestRun } from "./excerpt.ts";

/** Pagefind's best results re-ranked: far past the first page (a phrase's story came 8th to 17th), short of every page. */
const RERANK_WINDOW = 200;

/** Results ordered by how many of the query's words sit side by side, then Pagefind's order; no fragment is loaded. */
export function rerankByProximity<T extends { words: number[] }>(
  results: readonly T[],
  wordCount: number,
  window = RERANK_WINDOW,
): T[] {
  if (wordCount < 2) return [...results];
  const head = results.slice(0, window).map((result) => ({ result, run: longestRun(result.words, wordCount).length }));
  // A stable sort: equal runs keep Pagefind's order.
  head.sort((a, b) => b.run - a.run);
  return [...head.map((entry) => entry.result), ...results.slice(window)];
}
