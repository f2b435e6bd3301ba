import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { personData, storyData } from "../../src/schema/schema.ts";
import { corpusVocabulary, generateStory, storyFile, writeCorpus } from "../../tools/bench/generateCorpus.ts";
import { createRandom } from "../../tools/bench/prng.ts";

const SEED = "unit-test";

function splitFrontmatter(file: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file);
  if (!match) throw new Error("no frontmatter");
  return { data: parseYaml(match[1] ?? ""), body: match[2] ?? "" };
}

describe("bench corpus generator", () => {
  const vocabulary = corpusVocabulary(SEED);

  it("is deterministic: same seed and index, same file; different seed, different file", () => {
    const again = corpusVocabulary(SEED);
    expect(storyFile(generateStory(SEED, 7, again))).toBe(storyFile(generateStory(SEED, 7, vocabulary)));
    const other = "another-seed";
    expect(storyFile(generateStory(other, 7, corpusVocabulary(other)))).not.toBe(
      storyFile(generateStory(SEED, 7, vocabulary)),
    );
  });

  it("PRNG streams repeat for a seed and stay in range", () => {
    const a = createRandom("x");
    const b = createRandom("x");
    const draws = Array.from({ length: 100 }, () => a.int(3, 9));
    expect(draws).toEqual(Array.from({ length: 100 }, () => b.int(3, 9)));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...draws)).toBeLessThanOrEqual(9);
    expect(new Set(draws).size).toBe(7);
  });

  it.each([0, 1, 9, 42, 137])("story %i has the shape of a long interview and valid frontmatter", (index) => {
    const story = generateStory(SEED, index, vocabulary);
    const { data, body } = splitFrontmatter(storyFile(story));
    expect(storyData.safeParse(data).success).toBe(true);
    const words = body.split(/\s+/).filter((w) => /\w/.test(w) && !/^#+$|^-$|^\d+\.$/.test(w)).length;
    expect(words).toBeGreaterThan(3000);
    expect(words).toBeLessThan(5200);
    const questions = body.match(/^## /gm)?.length ?? 0;
    expect(questions).toBeGreaterThanOrEqual(13);
    expect(questions).toBeLessThanOrEqual(17);
    expect(body).toMatch(/^## /);
    // Plain text for .md (no raw HTML or entity) and valid as MDX too (no JSX or expression).
    expect(body).not.toMatch(/[<>{}&]/);
  });

  it("writes lists and sub-headings somewhere in a corpus, and reuses people for second interviews", async () => {
    const root = await mkdtemp(join(tmpdir(), "bench-corpus-"));
    try {
      const summary = await writeCorpus(root, 20, { seed: SEED, extension: "md" });
      const stories = await readdir(join(root, "stories"));
      const people = await readdir(join(root, "people"));
      expect(stories).toHaveLength(20);
      expect(stories.every((name) => name.endsWith(".md"))).toBe(true);
      expect(summary.people).toBe(people.length);
      expect(people.length).toBeLessThan(20);
      expect(await readdir(join(root, "sources"))).toHaveLength(20);
      const bodies = await Promise.all(stories.map((name) => readFile(join(root, "stories", name), "utf8")));
      expect(bodies.some((b) => /^### /m.test(b))).toBe(true);
      expect(bodies.some((b) => /^- /m.test(b))).toBe(true);
      expect(bodies.some((b) => /^1\. /m.test(b))).toBe(true);
      for (const name of people) {
        const parsed = personData.safeParse(parseYaml(await readFile(join(root, "people", name), "utf8")));
        expect(parsed.success, name).toBe(true);
      }
      // Every story names a person that exists.
      const ids = new Set(people.map((n) => n.replace(/\.yaml$/, "")));
      for (const body of bodies)
        expect(ids.has(String((splitFrontmatter(body).data as { person: string }).person))).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("keeps vocabulary as varied as real interviews (878 and 1,318 distinct words in 3,000- and 4,200-word seeds)", () => {
    for (const index of [3, 30, 300]) {
      const { body } = splitFrontmatter(storyFile(generateStory(SEED, index, vocabulary)));
      const distinct = new Set(body.toLowerCase().match(/[a-z']+/g)).size;
      expect(distinct).toBeGreaterThan(850);
      expect(distinct).toBeLessThan(1400);
    }
  });
});
