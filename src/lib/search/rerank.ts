/** What re-ranking needs of a Pagefind result: its matched word positions. */
interface Located {
  /** Word positions of every match in the page (Pagefind's `words`, known before any fragment loads). */
  words: number[];
}

/** The longest run of consecutive positions, counted no further than `cap`. */
export function adjacentRun(words: readonly number[], cap: number): number {
  if (words.length === 0) return 0;
  // A typed array sorts numbers natively, several times faster than Array#sort with a comparator.
  const sorted = Int32Array.from(words).sort();
  let best = 1;
  let current = 1;
  for (let i = 1; i < sorted.length && best < cap; i += 1) {
    const step = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
    if (step === 0) continue;
    current = step === 1 ? current + 1 : 1;
    if (current > best) best = current;
  }
  return Math.min(best, cap);
}

/**
 * How many of Pagefind's best results are re-ranked: far past the first page (a remembered
 * phrase's story was 8th to 17th by Pagefind's order alone), while a common pair of words on a
 * 10,000-story archive does not cost a scan of every page's positions on each keystroke.
 */
export const RERANK_WINDOW = 200;

/**
 * Results of a query of `wordCount` words ordered by how many of its words sit side by side in
 * the page (a remembered phrase beats the same words scattered), then by Pagefind's own order.
 * Pagefind ranks by term frequency only; its match positions come with every result, so the
 * best `window` results are re-ranked without loading a single fragment.
 */
export function rerankByProximity<T extends Located>(
  results: readonly T[],
  wordCount: number,
  window = RERANK_WINDOW,
): T[] {
  if (wordCount < 2) return [...results];
  const head = results.slice(0, window).map((result, order) => ({
    result,
    order,
    run: adjacentRun(result.words, wordCount),
  }));
  head.sort((a, b) => b.run - a.run || a.order - b.order);
  return [...head.map((entry) => entry.result), ...results.slice(window)];
}
