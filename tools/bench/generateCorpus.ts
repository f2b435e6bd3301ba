/**
 * Writes N synthetic interviews, their people and their raw sources into a content root shaped
 * like `content/`, for `npm run bench`. Story i depends only on the seed and i, so the first 1,000
 * stories of a 10,000 corpus are the 1,000 corpus: runs at different sizes measure the same text.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import type { PersonData, StoryData } from "../../src/schema/schema.ts";
import { createRandom } from "./prng.ts";
import { interview } from "./prose.ts";
import { capitalize, DOMAIN_WORDS, FIRST_NAMES, ROLES, TOPICS, longTail, pseudoWord } from "./vocabulary.ts";

const TAIL_SIZE = 60_000;
const COMPANY_POOL = 1_500;
const SOURCES = ["StaffEng", "Infrastructure Engineer", "The Staff Room", "Principal Podcast", "Lead Dev Notes"];

/** The seed's shared lists, built once: the rare-word tail and the company names. */
export function corpusVocabulary(seed: string) {
  const random = createRandom(`${seed}:vocabulary`);
  const tail = longTail(random, TAIL_SIZE);
  const companies = Array.from(
    { length: COMPANY_POOL },
    (_, i) => `${capitalize(pseudoWord(random, 1, 3))}${i % 3 === 0 ? " Labs" : ""}`,
  );
  return { tail, companies: [...new Set(companies)] };
}

/** Every tenth story is a second interview with the person of the story before it. */
const personIndexOf = (storyIndex: number) => (storyIndex % 10 === 9 ? storyIndex - 1 : storyIndex);

function personFor(seed: string, personIndex: number): { id: string; data: PersonData } {
  const random = createRandom(`${seed}:person:${personIndex}`);
  const first = random.pick(FIRST_NAMES);
  const last = capitalize(pseudoWord(random, 2, 3));
  const id = `${first}-${last}-${personIndex}`.toLowerCase();
  const links = random.chance(0.6) ? [{ label: "Website", url: `https://example.org/people/${id}/` }] : [];
  return { id, data: { name: `${first} ${last}`, role: random.pick(ROLES), links } };
}

/** Story number `index` of the corpus with this seed. */
export function generateStory(seed: string, index: number, vocabulary: ReturnType<typeof corpusVocabulary>) {
  const random = createRandom(`${seed}:story:${index}`);
  const person = personFor(seed, personIndexOf(index));
  const id = index === personIndexOf(index) ? person.id : `${person.id}-again`;
  // Half of stories come from a few big companies, the rest spread thin, as in real archives.
  const companies = vocabulary.companies;
  const company = random.chance(0.5) ? random.zipf(companies) : random.pick(companies);
  const local = Array.from({ length: 5 }, () => capitalize(pseudoWord(random, 2, 3)));
  const { markdown, words } = interview(random, { tail: vocabulary.tail, local });
  const recorded = `${random.int(2016, 2025)}-${String(random.int(1, 12)).padStart(2, "0")}`;
  const subject = random.pick(DOMAIN_WORDS);
  const data: StoryData = {
    person: person.id,
    role: random.pick(ROLES),
    company,
    recorded,
    kind: random.chance(0.9) ? "interview" : "discussion",
    source: { name: random.pick(SOURCES), url: `https://example.org/interviews/${id}/`, format: "newsletter email" },
    summary: `How ${person.data.name} works as a ${random.pick(ROLES).toLowerCase()}, and what ${subject} taught them about ${random.pick(DOMAIN_WORDS)}.`,
    topics: [...new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(TOPICS)))],
    editorialNotes: random.chance(0.1) ? ["Typos in the original newsletter corrected."] : [],
  };
  if (random.chance(0.4)) data.published = `${recorded}-${String(random.int(1, 28)).padStart(2, "0")}`;
  if (random.chance(0.5)) data.interviewer = `${random.pick(FIRST_NAMES)} ${capitalize(pseudoWord(random, 2, 2))}`;
  return { id, personId: person.id, person: person.data, data, markdown, words };
}

/** A story's file: its data as YAML frontmatter (every string quoted, so no date becomes a Date), then its Markdown. */
export function storyFile(story: { data: StoryData; markdown: string }): string {
  return `---\n${yaml(story.data)}---\n${story.markdown}\n`;
}

/** YAML with every string in double quotes, never folded. */
const yaml = (data: object) =>
  stringify(data, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });

/** Writes stories/, people/ and sources/ (the raw text an importer would be given) under `root`, 200 stories at a time. */
export async function writeCorpus(
  root: string,
  count: number,
  { seed, extension }: { seed: string; extension: string },
) {
  const vocabulary = corpusVocabulary(seed);
  await Promise.all(["stories", "people", "sources"].map((dir) => mkdir(join(root, dir), { recursive: true })));
  const people = new Set<string>();
  let words = 0;
  let bytes = 0;
  for (let start = 0; start < count; start += 200) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + 200); i++) {
      const story = generateStory(seed, i, vocabulary);
      const markdown = storyFile(story);
      words += story.words;
      bytes += Buffer.byteLength(markdown);
      const source = story.markdown.replace(/^#+ /gm, "").replace(/^(- |\d+\. )/gm, "* ");
      writes.push(writeFile(join(root, "stories", `${story.id}.${extension}`), markdown));
      writes.push(writeFile(join(root, "sources", `${story.id}.txt`), `${story.person.name}\n\n${source}\n`));
      if (!people.has(story.personId)) {
        people.add(story.personId);
        writes.push(writeFile(join(root, "people", `${story.personId}.yaml`), yaml(story.person)));
      }
    }
    await Promise.all(writes);
  }
  return { root, stories: count, people: people.size, words, bytes };
}

/** Four search queries with answers in the corpus: a common word, two words, story 0's rarest word, a phrase of it. */
export function benchQueries(seed: string): string[] {
  const vocabulary = corpusVocabulary(seed);
  const paragraphs = generateStory(seed, 0, vocabulary)
    .markdown.split("\n\n")
    .filter((block) => !/^(#|- |\d+\. )/.test(block));
  const words =
    paragraphs
      .join(" ")
      .toLowerCase()
      .match(/[a-z']+/g) ?? [];
  const rank = new Map(vocabulary.tail.map((w, i) => [w, i]));
  const rarest = words.reduce(
    (best, w) => ((rank.get(w) ?? -1) > (rank.get(best) ?? -1) ? w : best),
    words[0] ?? "staff",
  );
  const phrase = (paragraphs[2] ?? paragraphs[0] ?? "").match(/[A-Za-z']+/g)?.slice(3, 7) ?? [];
  return ["migration", "technical debt", rarest, `"${phrase.join(" ").toLowerCase()}"`];
}
