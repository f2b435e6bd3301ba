/**
 * Hostile and broken content against the build's content check: every case is refused as
 * `file:line: what is wrong` with what to do, never a stack trace, before Astro starts.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "../../../tools/preflight/preflight.ts";
import { formatProblems } from "../../../tools/preflight/problems.ts";
import { partialDateToDate } from "../../../src/lib/dates.ts";
import { slugify } from "../../../src/lib/slug.ts";
import { runScript } from "../../support/buildScript.ts";
import { goodContent, removeContentRoots, storySource, withField } from "../../support/contentFixture.ts";

afterAll(removeContentRoots);

/** The content check's report for a content root, with paths relative to that root. */
function report(root: string): string {
  return formatProblems(checkContent(root).problems, root);
}

const BOMB = [
  "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "role: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
];

describe("attack: content limits and unreadable content", () => {
  it("refuses a story over 1 MB with its size, without parsing it", () => {
    const root = goodContent({
      "stories/huge.mdx": storySource(undefined, "I lead without managing. ".repeat(64_000)),
    });
    expect(report(root)).toContain(
      "stories/huge.mdx: is 1.5 MB; a story file may be at most 1.0 MB\n    That is several times the longest interview",
    );
  });

  it("names a story it cannot read: a folder named like a story, a broken link", () => {
    const root = goodContent();
    mkdirSync(join(root, "stories/folder.mdx"));
    symlinkSync(join(root, "nowhere.mdx"), join(root, "stories/broken.mdx"));
    const text = report(root);
    expect(text).toContain(
      "stories/broken.mdx: cannot be read (ENOENT)\n    it is a link to a file that does not exist",
    );
    expect(text).toContain("stories/folder.mdx: cannot be read (EISDIR)\n    it is a folder, not a file");
  });

  it.runIf(process.getuid?.() !== 0)("names a person file without read permission", () => {
    const root = goodContent();
    chmodSync(join(root, "people/jane-doe.yaml"), 0o000);
    expect(report(root)).toContain("people/jane-doe.yaml: cannot be read (EACCES)");
  });

  it("refuses a YAML alias bomb in a story or a person, at its line", () => {
    const root = goodContent({
      "stories/jane-doe.mdx": storySource([...BOMB.slice(0, 4), ...withField("role").slice(0)]),
      "people/jane-doe.yaml": ["name: Jane", ...BOMB].join("\n"),
    });
    const text = report(root);
    expect(text).toMatch(
      /people\/jane-doe\.yaml:1:1: YAML error: its aliases expand too far to read \(Excessive alias count indicates a resource exhaustion attack\)\n {4}Anchors and aliases/,
    );
    expect(text).not.toMatch(/^\s+at /m);
  });

  it("refuses company and topic names that slugify to nothing", () => {
    const root = goodContent({
      "stories/jane-doe.mdx": storySource(
        [...withField("company", 'company: "///"')].map((line) =>
          line.startsWith("topics:") ? 'topics: ["???", Leadership]' : line,
        ),
      ),
    });
    const text = report(root);
    expect(text).toContain('stories/jane-doe.mdx:4: "company" has no letter or digit, so it cannot name a page');
    expect(text).toContain('stories/jane-doe.mdx:10: "topics.0" has no letter or digit, so it cannot name a page');
  });

  it("refuses years before 1000, and never reads 0050 as 1950", () => {
    const root = goodContent({ "stories/jane-doe.mdx": storySource(withField("recorded", 'recorded: "0050-05"')) });
    expect(report(root)).toContain('stories/jane-doe.mdx:5: "recorded" must be a year from 1000 on');
    expect(partialDateToDate("0050-05-14").getUTCFullYear()).toBe(50);
    expect(partialDateToDate("0001-01").toISOString()).toBe("0001-01-01T00:00:00.000Z");
  });

  it("bounds field lengths: a 10,000-character role or company", () => {
    const long = "Staff ".repeat(2000).trim();
    const root = goodContent({
      "stories/jane-doe.mdx": storySource(
        withField("role", `role: "${long}"`).map((line) => (line.startsWith("company:") ? `company: "${long}"` : line)),
      ),
    });
    const text = report(root);
    expect(text).toContain(
      `stories/jane-doe.mdx:3: "role" is too long: at most 150 characters (it has ${long.length})`,
    );
    expect(text).toContain(
      `stories/jane-doe.mdx:4: "company" is too long: at most 120 characters (it has ${long.length})`,
    );
  });

  it("refuses two spellings that would share one company or topic page, naming both", () => {
    const other = (company: string, topics: string) =>
      storySource(
        withField("company", `company: "${company}"`).map((line) =>
          line.startsWith("topics:") ? `topics: ${topics}` : line,
        ),
      );
    const root = goodContent({
      "stories/a.mdx": other("Meta", '["Go", "C++"]'),
      "stories/b.mdx": other("META!", '["go", "C#"]'),
    });
    const text = report(root);
    expect(text).toMatch(
      /stories\/b\.mdx:4: "company" "META!" and "Meta" \(\S*stories\/a\.mdx:4\) would share the page \/companies\/meta\//,
    );
    expect(text).toMatch(
      /stories\/b\.mdx:10: "topics" "go" and "Go" \(\S*stories\/a\.mdx:10\) would share the page \/topics\/go\//,
    );
    // C++ and C# are different languages, and get pages of their own.
    expect(text).not.toMatch(/C\+\+|C#/);
    expect(new Set([slugify("C++"), slugify("C#"), slugify("C")]).size).toBe(3);
  });

  it("stops npm run build on all of these with file:line sentences, never a stack trace", () => {
    const root = goodContent({
      "stories/jane-doe.mdx": storySource(withField("recorded", 'recorded: "0099-12"')),
      "people/jane-doe.yaml": ["name: Jane", ...BOMB].join("\n"),
    });
    writeFileSync(join(root, "stories/huge.mdx"), "x".repeat(1024 * 1024 + 1));
    const result = runScript("tools/build.ts", [], { ARCHIVE_CONTENT_DIR: root, ARCHIVE_OUT_DIR: join(root, "out") });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Content has 3 problems:/);
    expect(result.stderr).toMatch(/jane-doe\.mdx:5: "recorded" must be a year from 1000 on/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
