/**
 * Writes N synthetic interviews, their people and their raw sources into a content root
 * shaped like `content/` (see src/schema/schema.ts), for `npm run bench`.
 * Story i depends only on the seed and i, so the first 1,000 stories of a 10,000 corpus
 * are the 1,000 corpus: runs at different sizes measure the same kind of text.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PersonData, StoryData } from "../../src/schema/schema.ts";
import { createRandom, type Random } from "./prng.ts";
import { blocksToMarkdown, blocksToPlainText, interviewBlocks, type Block } from "./prose.ts";
import { capitalize, DOMAIN_WORDS, FIRST_NAMES, ROLES, TOPICS, longTail, pseudoWord, zipfIndex } from "./vocabulary.ts";

export type StoryExtension = "md" | "mdx";

/** One generated interview, before it is written to disk. */
export interface GeneratedStory {
  id: string;
  personId: string;
  person: PersonData;
  data: StoryData;
  blocks: Block[];
  words: number;
}

/** What was written, for the report. */
export interface CorpusSummary {
  root: string;
  stories: number;
  people: number;
  words: number;
  bytes: number;
}

const TAIL_SIZE = 60_000;
const COMPANY_POOL = 1_500;
const SOURCES = ["StaffEng", "Infrastructure Engineer", "The Staff Room", "Principal Podcast", "Lead Dev Notes"];

/** Shared, seed-derived lists: the rare-word tail and the company names. */
export interface CorpusVocabulary {
  tail: string[];
  companies: string[];
}

/** Builds the seed's vocabulary once; every story draws from it. */
export function corpusVocabulary(seed: string): CorpusVocabulary {
  const random = createRandom(`${seed}:vocabulary`);
  const tail = longTail(random, TAIL_SIZE);
  const companies = Array.from(
    { length: COMPANY_POOL },
    (_, i) => `${capitalize(pseudoWord(random, 1, 3))}${i % 3 === 0 ? " Labs" : ""}`,
  );
  return { tail, companies: [...new Set(companies)] };
}

/** Every tenth story is a second interview with the person of the story before it. */
export function personIndexOf(storyIndex: number): number {
  return storyIndex % 10 === 9 ? storyIndex - 1 : storyIndex;
}

function personFor(seed: string, personIndex: number): { id: string; data: PersonData } {
  const random = createRandom(`${seed}:person:${personIndex}`);
  const first = random.pick(FIRST_NAMES);
  const last = capitalize(pseudoWord(random, 2, 3));
  const id = `${first}-${last}-${personIndex}`.toLowerCase();
  const links = random.chance(0.6) ? [{ label: "Website", url: `https://example.org/people/${id}/` }] : [];
  return { id, data: { name: `${first} ${last}`, role: random.pick(ROLES), links } };
}

function month(random: Random, fromYear: number, toYear: number): string {
  return `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, "0")}`;
}

function pickTopics(random: Random): string[] {
  const topics = new Set<string>();
  for (let i = random.int(1, 4); i > 0; i--) topics.add(random.pick(TOPICS));
  return [...topics];
}

/** Story number `index` of the corpus with this seed. */
export function generateStory(seed: string, index: number, vocabulary: CorpusVocabulary): GeneratedStory {
  const random = createRandom(`${seed}:story:${index}`);
  const person = personFor(seed, personIndexOf(index));
  const id = index === personIndexOf(index) ? person.id : `${person.id}-again`;
  // Half of stories come from a few big companies, the rest spread thin, as in real archives.
  const companies = vocabulary.companies;
  const company = random.chance(0.5) ? companies[zipfIndex(random, companies.length)] : random.pick(companies);
  const local = Array.from({ length: 5 }, () => capitalize(pseudoWord(random, 2, 3)));
  const { blocks, words } = interviewBlocks(random, { tail: vocabulary.tail, local });
  const recorded = month(random, 2016, 2025);
  const subject = random.pick(DOMAIN_WORDS);
  const data: StoryData = {
    person: person.id,
    role: random.pick(ROLES),
    company: company ?? "Acme",
    recorded,
    kind: random.chance(0.9) ? "interview" : "discussion",
    source: { name: random.pick(SOURCES), url: `https://example.org/interviews/${id}/`, format: "newsletter email" },
    summary: `How ${person.data.name} works as a ${random.pick(ROLES).toLowerCase()}, and what ${subject} taught them about ${random.pick(DOMAIN_WORDS)}.`,
    topics: pickTopics(random),
    editorialNotes: random.chance(0.1) ? ["Typos in the original newsletter corrected."] : [],
  };
  if (random.chance(0.4)) data.published = `${recorded}-${String(random.int(1, 28)).padStart(2, "0")}`;
  if (random.chance(0.5)) data.interviewer = `${random.pick(FIRST_NAMES)} ${capitalize(pseudoWord(random, 2, 2))}`;
  return { id, personId: person.id, person: person.data, data, blocks, words };
}

/** YAML frontmatter; every string is JSON-quoted, which YAML reads as the same string. */
export function storyFile(story: GeneratedStory): string {
  const q = (value: string) => JSON.stringify(value);
  const d = story.data;
  const lines = [
    "---",
    `person: ${q(d.person)}`,
    `role: ${q(d.role)}`,
    `company: ${q(d.company)}`,
    `recorded: ${q(d.recorded)}`,
    ...(d.published ? [`published: ${q(d.published)}`] : []),
    `kind: ${d.kind}`,
    "source:",
    `  name: ${q(d.source.name)}`,
    `  url: ${q(d.source.url)}`,
    ...(d.source.format ? [`  format: ${q(d.source.format)}`] : []),
    ...(d.interviewer ? [`interviewer: ${q(d.interviewer)}`] : []),
    `summary: ${q(d.summary)}`,
    `topics: [${d.topics.map(q).join(", ")}]`,
    ...(d.editorialNotes.length ? [`editorialNotes: [${d.editorialNotes.map(q).join(", ")}]`] : []),
    "---",
    "",
  ];
  return `${lines.join("\n")}${blocksToMarkdown(story.blocks)}\n`;
}

/** A person's YAML file. */
export function personFile(person: PersonData): string {
  const q = (value: string) => JSON.stringify(value);
  const links = person.links.map((l) => `\n  - label: ${q(l.label)}\n    url: ${q(l.url)}`).join("");
  return `name: ${q(person.name)}\n${person.role ? `role: ${q(person.role)}\n` : ""}links:${links || " []"}\n`;
}

/** Writes stories/, people/ and sources/ under `root`, a few hundred files at a time. */
export async function writeCorpus(
  root: string,
  count: number,
  { seed, extension }: { seed: string; extension: StoryExtension },
): Promise<CorpusSummary> {
  const vocabulary = corpusVocabulary(seed);
  await Promise.all(["stories", "people", "sources"].map((dir) => mkdir(join(root, dir), { recursive: true })));
  const people = new Set<string>();
  let words = 0;
  let bytes = 0;
  const BATCH = 200;
  for (let start = 0; start < count; start += BATCH) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const story = generateStory(seed, i, vocabulary);
      const markdown = storyFile(story);
      words += story.words;
      bytes += Buffer.byteLength(markdown);
      const source = `${story.person.name}\n\n${blocksToPlainText(story.blocks)}\n`;
      writes.push(writeFile(join(root, "stories", `${story.id}.${extension}`), markdown));
      writes.push(writeFile(join(root, "sources", `${story.id}.txt`), source));
      if (!people.has(story.personId)) {
        people.add(story.personId);
        writes.push(writeFile(join(root, "people", `${story.personId}.yaml`), personFile(story.person)));
      }
    }
    await Promise.all(writes);
  }
  return { root, stories: count, people: people.size, words, bytes };
}
