/** Words a reader gets through in a minute of long-form text. */
const WORDS_PER_MINUTE = 230;

/** Minutes to read a text, at least one. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
