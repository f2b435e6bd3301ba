/** Synthetic interview prose: Markdown answers under `##` questions, with lists and the odd `###` sub-heading. */
import type { Random } from "./prng.ts";
import { capitalize, DOMAIN_WORDS, FUNCTION_WORDS, QUESTIONS, pseudoWord, zipfIndex } from "./vocabulary.ts";

/** What a story's words are drawn from: the shared rare-word tail, and names this one story repeats. */
export interface WordSource {
  tail: readonly string[];
  local: readonly string[];
}

function word(random: Random, words: WordSource): string {
  const roll = random.next();
  if (roll < 0.4) return FUNCTION_WORDS[zipfIndex(random, FUNCTION_WORDS.length)] ?? "the";
  if (roll < 0.7) return DOMAIN_WORDS[zipfIndex(random, DOMAIN_WORDS.length)] ?? "team";
  if (roll < 0.98) return words.tail[zipfIndex(random, words.tail.length)] ?? "thing";
  return random.pick(words.local);
}

/** A sentence of `length` words with commas, the odd quoted phrase, and an ending. */
function sentence(random: Random, words: WordSource, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    let w = word(random, words);
    if (i > 2 && i < length - 2 && random.chance(0.07)) w += ",";
    parts.push(w);
  }
  if (length > 8 && random.chance(0.08)) {
    const start = random.int(2, length - 4);
    parts[start] = `"${parts[start]}`;
    parts[start + 2] = `${parts[start + 2]?.replace(/,$/, "")}"`;
  }
  const ending = random.chance(0.06) ? "?" : random.chance(0.03) ? "!" : ".";
  return capitalize(parts.join(" ")).replace(/,$/, "") + ending;
}

/** Sentences of `min` to `max` words for as long as `more(words so far, sentences so far)` says. */
function sentences(
  random: Random,
  words: WordSource,
  [min, max]: [number, number],
  more: (count: number, made: number) => boolean,
) {
  const made: string[] = [];
  let count = 0;
  while (more(count, made.length)) {
    const length = random.int(min, max);
    made.push(sentence(random, words, length));
    count += length;
  }
  return { blocks: made, words: count };
}

/** An answer of about `targetWords` words: paragraphs, maybe a list, maybe sub-headings. */
function answer(random: Random, words: WordSource, targetWords: number, subheadings: number) {
  const blocks: string[] = [];
  let count = 0;
  for (let section = 0; section <= subheadings; section++) {
    if (section > 0) {
      const length = random.int(2, 6);
      blocks.push(`### ${capitalize(Array.from({ length }, () => word(random, words)).join(" "))}`);
      count += length;
    }
    let sectionCount = 0;
    let listed = false;
    while (sectionCount < targetWords / (subheadings + 1)) {
      if (!listed && sectionCount > 0 && random.chance(0.3)) {
        const items = random.int(3, 6);
        const made = sentences(random, words, [5, 24], (_, n) => n < items);
        const ordered = random.chance(0.25);
        blocks.push(made.blocks.map((item, i) => (ordered ? `${i + 1}. ${item}` : `- ${item}`)).join("\n"));
        sectionCount += made.words;
        listed = true;
        continue;
      }
      const target = random.int(40, 140);
      const made = sentences(random, words, [6, 28], (count) => count < target);
      blocks.push(made.blocks.join(" "));
      sectionCount += made.words;
    }
    count += sectionCount;
  }
  return { blocks, words: count };
}

/**
 * The whole interview as Markdown that is also valid MDX (no `<`, `&`, `{` or `}`): 13 to 17
 * questions, 3,400 to 4,600 words, sub-headings in about a third of stories.
 */
export function interview(random: Random, words: WordSource): { markdown: string; words: number } {
  const targetWords = random.int(3400, 4600);
  const questions = random.int(13, 17);
  const withSubheadings = random.chance(0.35);
  const asked = new Set<string>();
  const blocks: string[] = [];
  let count = 0;
  for (let q = 0; q < questions; q++) {
    let text = random.pick(QUESTIONS);
    // Interviews share a question bank; a story never asks the same one twice.
    while (asked.has(text))
      text = `${random.pick(QUESTIONS).replace(/[?.]$/, "")}, and how does ${pseudoWord(random)} fit in?`;
    asked.add(text);
    blocks.push(`## ${text}`);
    count += text.split(" ").length;
    const remaining = Math.max(80, (targetWords - count) / (questions - q));
    const subheadings = withSubheadings && random.chance(0.3) ? random.int(1, 3) : 0;
    const made = answer(random, words, remaining * (0.6 + random.next() * 0.8), subheadings);
    blocks.push(...made.blocks);
    count += made.words;
  }
  return { markdown: blocks.join("\n\n"), words: count };
}
