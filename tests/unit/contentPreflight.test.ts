import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "../../tools/preflight/preflight.ts";
import { formatProblem, formatProblems, type ContentProblem } from "../../tools/preflight/problems.ts";
import { goodContent, removeContentRoots, storySource, withField } from "../support/contentFixture.ts";

afterAll(removeContentRoots);

/** The problems found in a content root made of the good fixture plus `files`. */
function problemsWith(files: Record<string, string>): ContentProblem[] {
  return checkContent(goodContent(files)).problems;
}

function only(problems: ContentProblem[]): ContentProblem {
  expect(problems, formatProblems(problems)).toHaveLength(1);
  return problems[0] as ContentProblem;
}

describe("content check", () => {
  it("passes the good fixture and the project's own content", () => {
    const good = checkContent(goodContent());
    expect(good.problems).toEqual([]);
    expect(good.stories).toEqual([expect.objectContaining({ id: "jane-doe", person: "jane-doe" })]);
    const own = checkContent(join(process.cwd(), "content"));
    expect(own.problems, formatProblems(own.problems)).toEqual([]);
    expect(own.stories.length).toBeGreaterThan(0);
  });

  it("names a missing required field and says it is required", () => {
    const problem = only(problemsWith({ "stories/jane-doe.mdx": storySource(withField("company")) }));
    expect(problem.file).toMatch(/stories\/jane-doe\.mdx$/);
    expect(problem.field).toBe("company");
    expect(problem.message).toMatch(/missing; it is required/);
  });

  it("names a field of the wrong type with its line and the expected shape", () => {
    const problem = only(
      problemsWith({ "stories/jane-doe.mdx": storySource(withField("topics", "topics: Sponsorship")) }),
    );
    expect(problem).toMatchObject({ field: "topics", line: 10 });
    expect(problem.message).toMatch(/must be a list.*but is "Sponsorship"/);
  });

  it.each([
    ['recorded: "May 2021"', /date like 2021-05/],
    ['recorded: "2021-02-30"', /not a real date/],
    ["recorded: 2021-13-01", /date like 2021-05/],
    // Unquoted, YAML readers roll this over to 2 March; the check must see what was written.
    ["recorded: 2021-02-30", /not a real date/],
  ])("rejects an invalid date (%s) on its line", (line, message) => {
    const problem = only(problemsWith({ "stories/jane-doe.mdx": storySource(withField("recorded", line)) }));
    expect(problem).toMatchObject({ field: "recorded", line: 5 });
    expect(problem.message).toMatch(message);
  });

  it("names an unknown person, the missing file, and the likely intended one", () => {
    const problem = only(problemsWith({ "stories/jane-doe.mdx": storySource(withField("person", "person: jane-do")) }));
    expect(problem).toMatchObject({ field: "person", line: 2 });
    expect(problem.message).toBe('names "jane-do", but there is no people/jane-do.yaml');
    expect(problem.hint).toMatch(/Did you mean "jane-doe"/);
  });

  it("finds ids that collide ignoring case and names both files", () => {
    const problem = only(problemsWith({ "stories/Jane-Doe.mdx": storySource() }));
    expect(problem.message).toMatch(/Jane-Doe\.mdx and jane-doe\.mdx would both be published at "jane-doe"/);
  });

  it("reports an MDX syntax error at its line and column", () => {
    const problem = only(
      problemsWith({ "stories/jane-doe.mdx": storySource(undefined, "Intro.\n\nShe said {unclosed\n") }),
    );
    expect(problem).toMatchObject({ line: 15, column: 10 });
    expect(problem.message).toMatch(/^MDX syntax error: .*closing brace/);
  });

  it.each([
    [
      "an import line",
      'import Aside from "./Evil.astro"\n\n<Aside title="Talks">Words.</Aside>',
      13,
      1,
      /import\/export line/,
    ],
    ["an expression in an Aside", '<Aside title="Talks">\n\n{globalThis.secret}\n\n</Aside>', 15, 1, /MDX expression/],
    ["an event handler on an Aside", '<Aside title="Talks" onClick="steal()">Words.</Aside>', 13, 1, /event handler/],
  ])("fails on %s in a .mdx story, naming the file, line and column", (_name, body, line, column, message) => {
    const problem = only(problemsWith({ "stories/jane-doe.mdx": storySource(undefined, body) }));
    expect(problem).toMatchObject({ line, column, message: expect.stringMatching(message) as string });
    expect(formatProblem(problem)).toMatch(new RegExp(`stories/jane-doe\\.mdx:${line}:${column}: `));
  });

  it("passes a .mdx story that uses the vocabulary", () => {
    const body = [
      "## What do you do?\n\nI lead without managing.",
      '<Aside title="Talks from Jane Doe">\n\n- [A talk](https://example.com/talk)\n\n</Aside>',
      "<PullQuote>I lead without managing.</PullQuote>",
    ].join("\n\n");
    expect(problemsWith({ "stories/jane-doe.mdx": storySource(undefined, body) })).toEqual([]);
  });

  it("catches a misspelt optional field that would otherwise vanish", () => {
    const problem = only(
      problemsWith({ "stories/jane-doe.mdx": storySource([...withField("topics"), "interviwer: Sam"]) }),
    );
    expect(problem).toMatchObject({ field: "interviwer", line: 10 });
    expect(problem.hint).toBe('Did you mean "interviewer"?');
  });

  it("reports YAML syntax errors, missing frontmatter and bad file names", () => {
    const problems = checkContent(
      goodContent({
        "stories/jane-doe.mdx": storySource(withField("summary", "summary: [unclosed")),
        "stories/no-frontmatter.mdx": "Just text.\n",
        "stories/Bad Name.mdx": storySource(),
      }),
    ).problems;
    const text = formatProblems(problems);
    // The parser notices the unclosed list where the next key starts.
    expect(text).toMatch(/jane-doe\.mdx:10:1: YAML syntax error: Flow sequence .* end with a \]\n/);
    expect(text).toMatch(/no-frontmatter\.mdx:1: has no frontmatter/);
    expect(text).toMatch(/Bad Name\.mdx: file name gives the URL "bad name"/);
  });

  it("checks people files against their schema", () => {
    const problem = only(
      problemsWith({ "people/jane-doe.yaml": "name: Jane\nlinks:\n  - label: Site\n    url: javascript:alert(1)\n" }),
    );
    expect(problem).toMatchObject({ field: "links.0.url", line: 4, message: "must be an http(s) URL" });
  });

  it("lists every problem in every file at once, sorted, with file:line", () => {
    const root = goodContent({
      "stories/b.mdx": storySource(withField("company")),
      "stories/a.mdx": storySource(withField("recorded", 'recorded: "soon"')),
    });
    const text = formatProblems(checkContent(root).problems, root);
    expect(text).toBe(
      [
        "Content has 2 problems:",
        "",
        'stories/a.mdx:5: "recorded" must be a date like 2021-05 or 2021-05-14',
        'stories/b.mdx:2: "company" is missing; it is required (text)',
        "",
      ].join("\n"),
    );
  });

  it("refuses to publish an archive with no stories (a wrong ARCHIVE_CONTENT_DIR)", () => {
    const problem = only(checkContent(join(process.cwd(), "no-such-folder")).problems);
    expect(problem.message).toBe("holds no stories, so the build would publish an empty archive");
    expect(problem.hint).toMatch(/ARCHIVE_CONTENT_DIR/);
  });

  it("skips drafts whose name starts with an underscore, as the collection does", () => {
    expect(problemsWith({ "stories/_draft.mdx": "not even frontmatter {" })).toEqual([]);
  });
});
