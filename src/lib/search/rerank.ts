import { longestRun } from "./excerpt.ts";

/**
 * How many of Pagefind's best results are re-ranked: far past the first page (a remembered phrase's story was 8th
 * to 17th by Pagefind's order alone), yet a common pair of words on a large archive costs no scan of every page.
 */
const RERANK_WINDOW = 200;

/**
 * Results of a `wordCount`-word query ordered by how many of its words sit side by side (a phrase beats the same
 * words scattered), then in Pagefind's order (term frequency only); positions come with every result, so no fragment loads.
 */
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
