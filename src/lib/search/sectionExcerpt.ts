/** Consecutive word positions: where the words of a query sit side by side. */
export interface Run {
  start: number;
  length: number;
}

/** The longest stretch of consecutive word positions, the earliest on a tie. */
export function longestRun(locations: number[]): Run {
  const sorted = [...new Set(locations)].sort((a, b) => a - b);
  let best: Run = { start: sorted[0] ?? 0, length: sorted.length > 0 ? 1 : 0 };
  let current: Run = { ...best };
  for (let i = 1; i < sorted.length; i += 1) {
    const here = sorted[i] ?? 0;
    current =
      here === (sorted[i - 1] ?? 0) + 1
        ? { start: current.start, length: current.length + 1 }
        : { start: here, length: 1 };
    if (current.length > best.length) best = { ...current };
  }
  return best;
}

// The same word split Pagefind uses, so positions line up with its locations.
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/**
 * An excerpt in Pagefind's format (matched words in <mark>) centred on a run of
 * matches, kept inside its section. Pagefind centres its own excerpts on the densest
 * cluster of any query word, which can miss the phrase the reader remembered.
 */
export function excerptAroundRun(
  rawContent: string,
  run: Run,
  locations: number[],
  section: { from: number; to: number },
  length: number,
): string {
  const words = rawContent.split(WORD_SEPARATORS);
  const to = Math.min(section.to, words.length);
  const size = Math.min(length, to - section.from);
  let start = run.start - Math.floor((size - run.length) / 2);
  start = Math.max(section.from, Math.min(start, to - size));
  const marked = new Set(locations);
  return words
    .slice(start, start + size)
    .map((word, offset) => (marked.has(start + offset) ? `<mark>${word}</mark>` : word))
    .join(" ")
    .trim();
}
