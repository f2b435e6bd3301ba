import { longestRun } from "./sectionExcerpt.ts";

/** What re-ranking needs of a Pagefind result: its score order and matched word positions. */
interface Located {
  /** Word positions of every match in the page (Pagefind's `words`, known before any fragment loads). */
  words: number[];
}

/**
 * Results of a query of `wordCount` words ordered by how many of its words sit side by side in
 * the page (a remembered phrase beats the same words scattered), then by Pagefind's own order.
 * Pagefind ranks by term frequency only; its match positions come with every result, so the
 * whole result list is re-ranked without loading a single fragment.
 */
export function rerankByProximity<T extends Located>(results: readonly T[], wordCount: number): T[] {
  if (wordCount < 2) return [...results];
  const adjacency = new Map(results.map((result) => [result, Math.min(longestRun(result.words).length, wordCount)]));
  return [...results].sort((a, b) => (adjacency.get(b) ?? 0) - (adjacency.get(a) ?? 0));
}
