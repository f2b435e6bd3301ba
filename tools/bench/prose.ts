/** Synthetic interview prose: Markdown answers under `##` questions, with lists and the odd `###` sub-heading. */
import type { Random } from "./prng.ts";
import { capitalize, DOMAIN_WORDS, FUNCTION_WORDS, QUESTIONS, pseudoWord } from "./vocabulary.ts";

/** What a story's words are drawn from: the shared rare-word tail, and names this one story repeats. */
export type WordSource = { tail: readonly string[]; local: readonly string[] };

function word(random: Random, words: WordSource): string {
  const roll = random.next();
  if (roll < 0.4) return random.zipf(FUNCTION_WORDS);
  if (roll < 0.7) return random.zipf(DOMAIN_WORDS);
  return roll < 0.98 ? random.zipf(words.tail) : random.pick(words.local);
}

/** A sentence of `length` words with commas, the odd quoted phrase, and an ending. */
function sentence(random: Random, words: WordSource, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    const w = word(random, words);
    parts.push(i > 2 && i < length - 2 && random.chance(0.07) ? `${w},` : w);
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
  return { made, count };
}

/** An answer of about `targetWords` words in `sections` parts, each after the first under a `###`, with at most one list a part. */
function answer(random: Random, words: WordSource, targetWords: number, sections: number) {
  const blocks: string[] = [];
  let count = 0;
  for (let section = 0; section < sections; section++) {
    if (section > 0) {
      const heading = Array.from({ length: random.int(2, 6) }, () => word(random, words));
      blocks.push(`### ${capitalize(heading.join(" "))}`);
      count += heading.length;
    }
    let listed = false;
    let made = 0;
    while (made < targetWords / sections) {
      const list: boolean = !listed && made > 0 && random.chance(0.3);
      listed ||= list;
      // A list of 3 to 6 items, a quarter of them numbered, or a paragraph of 40 to 140 words.
      const size = list ? random.int(3, 6) : random.int(40, 140);
      const ordered = list && random.chance(0.25);
      const part = list
        ? sentences(random, words, [5, 24], (_, n) => n < size)
        : sentences(random, words, [6, 28], (n) => n < size);
      const items = part.made.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${item}`);
      blocks.push(list ? items.join("\n") : part.made.join(" "));
      made += part.count;
    }
    count += made;
  }
  return { blocks, words: count };
}

/** The interview as Markdown, valid MDX too (no `<`, `&`, `{`, `}`): 13 to 17 questions, 3,400 to 4,600 words. */
export function interview(random: Random, words: WordSource): { markdown: string; words: number } {
  const targetWords = random.int(3400, 4600);
  const questions = random.int(13, 17);
  // Sub-headings in about a third of stories, there in about a third of answers.
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
    const sections = withSubheadings && random.chance(0.3) ? random.int(2, 4) : 1;
    const made = answer(random, words, remaining * (0.6 + random.next() * 0.8), sections);
    blocks.push(...made.blocks);
    count += made.words;
  }
  return { markdown: blocks.join("\n\n"), words: count };
}
