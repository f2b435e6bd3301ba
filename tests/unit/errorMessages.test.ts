import { describe, expect, it } from "vitest";
import { describeBuildError } from "../../tools/pipeline/runAstroBuild.ts";
import { formatProblem, formatProblems } from "../../tools/preflight/problems.ts";
import { storyData } from "../../src/schema/schema.ts";

const cwd = "/site";

describe("formatProblem", () => {
  it("writes file:line:column, the field in quotes, the message, then the hint indented", () => {
    const text = formatProblem(
      {
        file: "/site/content/stories/jane.mdx",
        line: 5,
        column: 3,
        field: "recorded",
        message: "must be a date",
        hint: "Write 2021-05.",
      },
      cwd,
    );
    expect(text).toBe('content/stories/jane.mdx:5:3: "recorded" must be a date\n    Write 2021-05.');
  });

  it("keeps paths outside the project absolute and leaves out what it does not know", () => {
    expect(formatProblem({ file: "/tmp/x/stories/a.mdx", message: "has no frontmatter" }, cwd)).toBe(
      "/tmp/x/stories/a.mdx: has no frontmatter",
    );
  });

  it("counts problems and sorts them by file, then line", () => {
    const text = formatProblems(
      [
        { file: "/site/b.mdx", line: 1, message: "b1" },
        { file: "/site/a.mdx", line: 9, message: "a9" },
        { file: "/site/a.mdx", line: 2, message: "a2" },
      ],
      cwd,
    );
    expect(text.split("\n")).toEqual(["Content has 3 problems:", "", "a.mdx:2: a2", "a.mdx:9: a9", "b.mdx:1: b1", ""]);
  });
});

describe("the friendly error map the schemas carry", () => {
  const valid = {
    person: "jane-doe",
    role: "Staff Engineer",
    company: "Acme",
    recorded: "2021-05",
    source: { name: "StaffEng", url: "https://staffeng.com/" },
    summary: "A summary.",
  };
  const describe1 = (data: Record<string, unknown>) => {
    const result = storyData.safeParse(data);
    const issue = result.error?.issues[0];
    if (!issue) throw new Error("expected an issue");
    return issue.message;
  };

  it.each([
    [{ ...valid, company: undefined }, "is missing; it is required (text)"],
    [{ ...valid, company: 42 }, "must be text, but is 42"],
    [{ ...valid, topics: "Sponsorship" }, 'must be a list, like [First, Second], but is "Sponsorship"'],
    [{ ...valid, kind: "podcast" }, 'must be one of "interview", "discussion", but is "podcast"'],
    [{ ...valid, role: "" }, "must not be empty"],
    [{ ...valid, summary: "x".repeat(301) }, "is too long: at most 300 characters (it has 301)"],
    [{ ...valid, recorded: "2021-02-29" }, "is not a real date: that month has fewer days"],
    [{ ...valid, source: { name: "X", url: "javascript:alert(1)" } }, "must be an http(s) URL"],
    [{ ...valid, source: { name: "X", url: "https://x.example/", feed: "y" } }, "has unknown field feed"],
  ])("says what is expected (%#)", (data, expected) => {
    expect(describe1(data)).toBe(expected);
  });
});

describe("describeBuildError", () => {
  it("turns Astro's schema error into file:line: message without Markdown emphasis", () => {
    // The shape of Astro's InvalidContentEntryDataError (its class is internal to Astro).
    const error = Object.assign(
      new Error("**stories → jane** data does not match collection schema.\n\n  **company**: company: Required\n"),
      {
        name: "InvalidContentEntryDataError",
        hint: "See https://docs.astro.build/en/guides/content-collections/",
        loc: { file: "/site/content/stories/jane.mdx", line: 4, column: 0 },
      },
    );
    expect(describeBuildError(error, cwd)).toBe(
      [
        "content/stories/jane.mdx:4: stories → jane data does not match collection schema.",
        "      company: company: Required",
        "    See https://docs.astro.build/en/guides/content-collections/",
      ].join("\n"),
    );
  });

  it("drops the repeated line:column prefix of an MDX error and Astro's 0:0 non-location", () => {
    const mdx = Object.assign(new Error("21:6: Unexpected end of file in expression"), {
      loc: { file: "/site/content/stories/jane.mdx", line: 21, column: 6 },
    });
    expect(describeBuildError(mdx, cwd)).toBe("content/stories/jane.mdx:21:6: Unexpected end of file in expression");
    const nowhere = Object.assign(new Error("bad"), { loc: { file: "/site/a.mdx", line: 0, column: 0 } });
    expect(describeBuildError(nowhere, cwd)).toBe("a.mdx: bad");
  });

  it("keeps the name of an error with no file", () => {
    const error = new TypeError("x is not a function");
    expect(describeBuildError(error, cwd)).toBe("TypeError: x is not a function");
  });
});
