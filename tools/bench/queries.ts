/**
 * Search queries for the bench, taken from the corpus itself so each one has answers:
 * a common word, a two-word query, a rare word and a quoted phrase from the first story.
 */
import { corpusVocabulary, generateStory } from "./generateCorpus.ts";

/** Four queries that exercise a common term, two terms, a rare term and a phrase. */
export function benchQueries(seed: string): string[] {
  const vocabulary = corpusVocabulary(seed);
  const story = generateStory(seed, 0, vocabulary);
  const paragraphs = story.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
  const words = paragraphs
    .join(" ")
    .toLowerCase()
    .replace(/[^a-z' ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const rank = new Map(vocabulary.tail.map((w, i) => [w, i]));
  const rarest = words.reduce(
    (best, w) => ((rank.get(w) ?? -1) > (rank.get(best) ?? -1) ? w : best),
    words[0] ?? "staff",
  );
  const phraseSource = (paragraphs[2] ?? paragraphs[0] ?? "")
    .replace(/[^A-Za-z' ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const phrase = phraseSource.slice(3, 7).join(" ").toLowerCase();
  return ["migration", "technical debt", rarest, `"${phrase}"`];
}
