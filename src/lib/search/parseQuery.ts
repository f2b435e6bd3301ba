import { foldCase } from "../slug.ts";

/** A reader's query as parseQuery reads it. */
export type ParsedQuery = ReturnType<typeof parseQuery>;

// Phones turn " into “ ” as people type; „ and « » come from other keyboards.
const OPENING_QUOTES = /[“”„‟«»＂]/g;

/** Letters or digits at a word's ends stay; punctuation there goes. */
export const EDGE_PUNCTUATION = /^[^\p{Letter}\p{Number}]+|[^\p{Letter}\p{Number}]+$/gu;

/** A query's quoted `phrases` (an unclosed quote is text), loose `words`, `text` for Pagefind and `highlights` for the story page. */
export function parseQuery(raw: string) {
  let text = raw.replace(OPENING_QUOTES, '"').replace(/\s+/g, " ").trim();
  // While the reader is still typing `"staff pro`, search the words rather than nothing.
  if (inOpenPhrase(text)) {
    const at = text.lastIndexOf('"');
    text = `${text.slice(0, at)} ${text.slice(at + 1)}`.replace(/\s+/g, " ").trim();
  }
  const quoted = /"([^"]*)"/g;
  const phrases = [...text.matchAll(quoted)].map((match) => (match[1] ?? "").trim()).filter(Boolean);
  const words = text
    .replace(quoted, " ")
    .split(/\s+/)
    .filter((word) => /[\p{Letter}\p{Number}]/u.test(word));
  const searched = text.replace(quoted, (_, phrase: string) => `"${trimEdgeStopWords(phrase.trim())}"`);
  return { text: searched, phrases, words, highlights: highlightTerms(phrases, words) };
}

/** Words shorter than this match too many words as a prefix to search for on their own. */
const MIN_PREFIX_LENGTH = 3;

/** True while the word being typed is too short to search ("technical d"): as a prefix it pulls in most of the index. */
export function endsInShortWord(raw: string): boolean {
  if (/[\s"]$/.test(raw.replace(OPENING_QUOTES, '"'))) return false;
  const letters = (raw.split(/\s+/).at(-1) ?? "").replace(/[^\p{Letter}\p{Number}]/gu, "");
  return letters.length > 0 && letters.length < MIN_PREFIX_LENGTH;
}

/** True while a quoted phrase is still open (`"staff pro`): its words alone are the slowest kind of search. */
export function inOpenPhrase(raw: string): boolean {
  return (raw.replace(OPENING_QUOTES, '"').match(/"/g) ?? []).length % 2 === 1;
}

/** Words in nearly every transcript: Pagefind loads every position of them to check a phrase. */
const STOP_WORDS = new Set(
  "a an and are as at be but by for from had has have he her his i in is it its of on or our she so that the their they this to was we were with you your".split(
    " ",
  ),
);

/** A phrase of two words or more without the common words at its ends, whose positions cost megabytes (still checked whole). */
export function trimEdgeStopWords(phrase: string): string {
  const words = phrase.split(/\s+/).filter(Boolean);
  const isStop = (word: string) => STOP_WORDS.has(word.toLowerCase().replace(/[^\p{Letter}\p{Number}']/gu, ""));
  let from = 0;
  let to = words.length;
  while (from < to && isStop(words[from] ?? "")) from += 1;
  while (to > from && isStop(words[to - 1] ?? "")) to -= 1;
  // A single word left would match far more pages than the phrase, each to be checked by hand.
  return to - from < 2 ? phrase : words.slice(from, to).join(" ");
}

// Marking every "a", "I" or "of" in a long transcript hides the words the reader meant.
const MIN_HIGHLIGHT_LENGTH = 3;

function highlightTerms(phrases: string[], words: string[]): string[] {
  const cleaned = words.map((word) => word.replace(EDGE_PUNCTUATION, ""));
  const long = cleaned.filter((word) => word.length >= MIN_HIGHLIGHT_LENGTH);
  const chosen = long.length > 0 || phrases.length > 0 ? long : cleaned.filter(Boolean);
  return [...new Set([...phrases, ...chosen])];
}

/** Text as lower-case words and single spaces, to compare regardless of case, accents, quotes or punctuation. */
export function normalizeForMatch(text: string): string {
  return foldCase(text.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{Letter}\p{Number}']+/gu, " ")
    .replace(/(^|\s)'+|'+(?=\s|$)/g, "$1")
    .trim();
}

/** The words of `text` as normalizeForMatch gives them. */
export function matchWords(text: string): string[] {
  return normalizeForMatch(text).split(" ").filter(Boolean);
}

/** True when `text` contains every phrase word for word (ignoring case and punctuation). */
export function containsPhrases(text: string, phrases: string[]): boolean {
  const haystack = ` ${normalizeForMatch(text)} `;
  return phrases.every((phrase) => {
    const needle = normalizeForMatch(phrase);
    return needle === "" || haystack.includes(` ${needle} `);
  });
}
