import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { plainText } from "../../../tools/importer/inline.ts";
import { planStory, type StoryPlan } from "../../../tools/importer/planStory.ts";
import { renderStoryTree, type HastLike } from "../../../tools/importer/roundTrip.ts";
import type { Sidecar } from "../../../tools/importer/sidecar.ts";

// The importer on pages nobody tuned it to: story pages of several sites and layouts, newsletters,
// threads, Q&A posts, podcast and video transcripts, .md and .html. Each has its expected outline in
// <name>.expected.yaml; the editor gives only a summary and a source URL (plus, in `flags`, what the
// page cannot hold). Question precision and recall over the corpus are gated at 99%.
const CORPUS = join(import.meta.dirname, "../../importer-corpus");
const GATE = 0.99;

interface Expected {
  questions: string[];
  flags?: Sidecar;
  header?: { name?: string; role?: string; company?: string; recorded?: string };
  speakers?: { hosts?: string[]; guests?: string[] };
  lists?: number;
  asides?: string[];
  emphasis?: string[];
}

const names = readdirSync(CORPUS)
  .filter((name) => /\.(txt|md|html)$/.test(name))
  .sort();
const cases = names.map((name) => {
  const expected = parse(readFileSync(join(CORPUS, name.replace(/\.\w+$/, ".expected.yaml")), "utf8")) as Expected;
  const flags: Sidecar = {
    summary: "A corpus interview.",
    ...expected.flags,
    source: { url: `https://example.org/${name}`, ...expected.flags?.source },
  };
  return { name, expected, plan: planStory(join(CORPUS, name), flags) };
});

const headings = (plan: StoryPlan) =>
  plan.blocks.flatMap((b) => (b.type === "question" || b.type === "editorial-heading" ? [plainText(b.text)] : []));

function textOf(node: HastLike): string {
  if (node.type === "text") return node.value ?? "";
  const block = /^(?:p|h\d|li|ul|ol)$/.test(node.tagName ?? "");
  return (node.children ?? []).map(textOf).join("") + (block ? " " : "");
}

/** Sentences of the source lines the importer kept (speaker labels and timestamps are structure). */
function sourceSentences(plan: StoryPlan): string[] {
  const dropped = new Set([...plan.clutter.map((c) => c.line), ...plan.header.map((h) => h.line)]);
  const label =
    /^(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?(?:[\p{L}\p{N}_.'’ -]{1,40}?(?:\s*[[(]\d{1,2}:\d{2}(?::\d{2})?[\])])?:\s+)?/u;
  const lines = plan.blocks.length > 0 ? collectLines(plan) : [];
  return (
    lines
      .filter((line) => !dropped.has(line.number))
      // Labels are read from the words a reader sees: a blog writes them in bold ("**Name:** …").
      .map((line) => plainText(line.text.replace(/^(\*\*|__)([^*_]{1,40}?)(:?)\1(:?)/, "$2$3$4")))
      .map((text) => text.replace(label, "").replace(/^\s*(?:[•*-]|\d+[.)])\s+|^\||\|$/g, ""))
      .flatMap((text) => text.split(/(?<=[.?!])\s+/u))
      .map((s) => s.replace(/\s+/g, " ").trim())
      .filter(
        (s) =>
          /\p{L}/u.test(s) && !/^[[(].*[\])]$/.test(s) && !/^.{1,40}?\s+[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?$/u.test(s),
      )
  );
}

function collectLines(plan: StoryPlan) {
  // The lines the importer read: the file's own, or the text of a parsed .md/.html page.
  const read = plan.readLines;
  return read.filter((line) => line.text.trim() !== "");
}

describe("the importer corpus", () => {
  it("holds at least 20 transcripts in several shapes, each with an expected outline", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.plan.shape)).size).toBeGreaterThanOrEqual(5);
  });

  it(`finds the questions with precision and recall of at least ${GATE * 100}%`, () => {
    let found = 0;
    let expected = 0;
    let right = 0;
    const wrong: string[] = [];
    for (const { name, plan, expected: want } of cases) {
      const got = headings(plan);
      const pool = [...want.questions];
      for (const heading of got) {
        const at = pool.indexOf(heading);
        if (at === -1) wrong.push(`${name}: false heading “${heading}”`);
        else pool.splice(at, 1);
      }
      for (const lost of pool) wrong.push(`${name}: lost question “${lost}”`);
      found += got.length;
      expected += want.questions.length;
      right += want.questions.length - pool.length;
    }
    const precision = right / found;
    const recall = right / expected;
    console.log(
      `importer corpus: ${cases.length} transcripts, ${expected} questions; precision ${(precision * 100).toFixed(1)}% ` +
        `(${right}/${found}), recall ${(recall * 100).toFixed(1)}% (${right}/${expected})`,
    );
    expect(wrong).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(GATE);
    expect(recall).toBeGreaterThanOrEqual(GATE);
  });

  it.each(names)("%s imports without a refusal, every sentence on the page", (name) => {
    const { plan } = cases.find((c) => c.name === name)!;
    expect(plan.refusals.map((r) => r.message)).toEqual([]);
    expect(plan.roundTrip).toMatchObject({ ok: true, missing: [], unsafe: [], extra: [] });
    const page = textOf(renderStoryTree(plan.markdown)).replace(/\s+/g, " ");
    const lost = sourceSentences(plan).filter((sentence) => !page.includes(sentence));
    expect(lost, plan.markdown).toEqual([]);
  });

  it.each(names)("%s: the header, speakers, lists, side boxes and emphasis are read", (name) => {
    const { plan, expected } = cases.find((c) => c.name === name)!;
    const header = expected.header ?? {};
    if (header.name) expect(plan.person.name).toBe(header.name);
    if (header.role) expect(plan.story.role).toBe(header.role);
    if (header.company) expect(plan.story.company).toBe(header.company);
    if (header.recorded) expect(plan.story.recorded).toBe(header.recorded);
    const turns = plan.blocks.flatMap((b) => (b.type === "turn" ? [b] : []));
    for (const host of expected.speakers?.hosts ?? [])
      expect(
        turns.filter((t) => t.speaker === host).every((t) => t.role === "host"),
        host,
      ).toBe(true);
    for (const guest of expected.speakers?.guests ?? []) {
      const theirs = turns.filter((t) => t.speaker === guest);
      expect(theirs.length, guest).toBeGreaterThan(0);
      expect(theirs.every((t) => t.role === "guest")).toBe(true);
    }
    if (expected.lists)
      expect(plan.blocks.filter((b) => b.type === "list").length).toBeGreaterThanOrEqual(expected.lists);
    if (expected.asides)
      expect(plan.blocks.flatMap((b) => (b.type === "aside" ? [b.title] : []))).toEqual(expected.asides);
    for (const words of expected.emphasis ?? [])
      expect(plan.markdown).toMatch(new RegExp(`\\*${words.replace(/[’'.,]/g, ".")}\\*`));
  });
});
