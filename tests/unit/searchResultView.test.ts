import { describe, expect, it } from "vitest";
import type { PagefindAnchor, PagefindResultData, PagefindSubResult } from "../../src/lib/search/pagefindTypes.ts";
import { parseQuery, type ParsedQuery } from "../../src/lib/search/parseQuery.ts";
import {
  promoteExact,
  QUESTION_MAX_CHARS,
  shorten,
  toResultView,
  withHighlights,
} from "../../src/lib/search/resultView.ts";
import { HIGHLIGHT_PARAM } from "../../src/lib/search/searchFields.ts";

/** A section as Pagefind returns it (shape taken from pagefind.js 1.6 output). */
function section(title: string, anchor: string | null, excerpt: string, locations: number[] = [1]): PagefindSubResult {
  return {
    title,
    url: anchor ? `/archive/stories/ann/#${anchor}` : "/archive/stories/ann/",
    excerpt,
    locations,
    weighted_locations: locations.map((location) => ({ weight: 1, balanced_score: 10, location })),
  };
}

function story(
  subResults: PagefindSubResult[],
  content = "",
  meta: Record<string, string> = {},
  anchors: PagefindAnchor[] = questionAnchors(subResults),
): PagefindResultData {
  return {
    url: "/archive/stories/ann/",
    content,
    excerpt: "page <mark>excerpt</mark>",
    meta: {
      title: "Ann Lee — Staff Engineer at Acme & Co",
      person: "Ann Lee",
      role: "Staff Engineer",
      company: "Acme & Co",
      date: "2021-05",
      ...meta,
    },
    sub_results: subResults,
    anchors,
  };
}

/** Every section with an anchor as an h2, the way question headings arrive. */
function questionAnchors(sections: PagefindSubResult[]): PagefindAnchor[] {
  return sections
    .filter((s) => s.url.includes("#"))
    .map((s, i) => ({ element: "h2", id: s.url.split("#")[1] ?? "", text: s.title, location: i * 100 }));
}

describe("toResultView", () => {
  it("shows the person, role, company, date, question and excerpt of the best section", () => {
    const view = toResultView(
      story([
        section("Ann Lee — Staff Engineer at Acme & Co", null, "intro about <mark>glue</mark>"),
        section(
          "What is glue work?",
          "what-is-glue-work",
          "Glue work is <mark>glue</mark> and <mark>work</mark>",
          [5, 6],
        ),
      ]),
      parseQuery("glue work"),
    );
    expect(view).toMatchObject({
      person: "Ann Lee",
      role: "Staff Engineer",
      company: "Acme & Co",
      date: "May 2021",
      question: "What is glue work?",
    });
    expect(view.href).toBe(`/archive/stories/ann/?${HIGHLIGHT_PARAM}=glue&${HIGHLIGHT_PARAM}=work#what-is-glue-work`);
    expect(view.excerpt.filter((s) => s.marked).map((s) => s.text)).toEqual(["glue", "work"]);
  });

  it("has no question when the match is before the first heading", () => {
    const view = toResultView(
      story([section("Ann Lee — Staff Engineer at Acme & Co", null, "about <mark>glue</mark>")]),
      parseQuery("glue"),
    );
    expect(view.question).toBeUndefined();
    expect(view.href).toBe(`/archive/stories/ann/?${HIGHLIGHT_PARAM}=glue`);
  });

  it("names the question above a sub-heading and links to the sub-heading", () => {
    const anchors: PagefindAnchor[] = [
      { element: "h2", id: "how-do-you-set-goals", text: "How do you set goals?", location: 10 },
      { element: "h3", id: "frame-the-problem", text: "Frame the problem", location: 40 },
      { element: "h2", id: "later", text: "Later question", location: 90 },
    ];
    const sub = section("Frame the problem", "frame-the-problem", "the <mark>why</mark>");
    const view = toResultView(story([sub], "", {}, anchors), parseQuery("why"));
    expect(view.question).toBe("How do you set goals?");
    expect(view.subheading).toBe("Frame the problem");
    expect(view.href).toMatch(/#frame-the-problem$/);
  });

  it("falls back to the page excerpt and URL when Pagefind found no section", () => {
    const view = toResultView(story([]), parseQuery("excerpt"));
    expect(view.href).toBe(`/archive/stories/ann/?${HIGHLIGHT_PARAM}=excerpt`);
    expect(view.excerpt).toEqual([
      { text: "page ", marked: false },
      { text: "excerpt", marked: true },
    ]);
  });

  it("keeps meta as plain strings, markup and all, for the page to render as text", () => {
    const view = toResultView(story([], "", { person: "<img src=x onerror=alert(1)>" }), parseQuery("x"));
    expect(view.person).toBe("<img src=x onerror=alert(1)>");
  });

  it("marks a story exact only when it holds the phrase word for word", () => {
    const content = "We called it a “Staff Project.” later.";
    expect(toResultView(story([], content), parseQuery('"staff project"')).exact).toBe(true);
    expect(toResultView(story([], content), parseQuery('"project staff"')).exact).toBe(false);
    expect(toResultView(story([], content), parseQuery("staff project")).exact).toBe(true);
    expect(toResultView(story([], content), parseQuery("staff")).exact).toBe(false);
  });

  it("shortens a long question at a word boundary", () => {
    const long = `${"Why would a staff engineer ever write ".repeat(10)}this?`;
    const view = toResultView(story([section(long, "why", "<mark>why</mark>")]), parseQuery("why"));
    expect(view.question?.length).toBeLessThanOrEqual(QUESTION_MAX_CHARS);
    expect(view.question).toMatch(/[a-z]…$/);
  });
});

describe("the best section", () => {
  const bestSection = (sections: PagefindSubResult[], query: ParsedQuery) => ({
    title: toResultView(story(sections), query).question,
  });
  // Locations are word positions in the page; side by side means consecutive.
  const scattered = section(
    "Q1",
    "q1",
    "<mark>staff</mark> a lot, <mark>staff</mark> again and <mark>project</mark>",
    [1, 5, 9, 14, 20, 30],
  );
  const together = section("Q2", "q2", "my <mark>staff</mark> <mark>project</mark> was Sorbet", [40, 41]);
  const one = section("Q3", "q3", "only <mark>staff</mark> here", [50, 52, 54, 56, 58, 60, 62, 64]);

  it("prefers the section where the words sit side by side", () => {
    expect(bestSection([scattered, one, together], parseQuery("staff project"))?.title).toBe("Q2");
    expect(bestSection([scattered, one, together], parseQuery('"staff project"'))?.title).toBe("Q2");
  });

  it("then prefers the most distinct words over raw match counts", () => {
    expect(bestSection([one, scattered], parseQuery("staff project"))?.title).toBe("Q1");
  });

  it("keeps page order on a tie", () => {
    const a = section("A", "a", "<mark>x</mark>");
    const b = section("B", "b", "<mark>x</mark>");
    expect(bestSection([a, b], parseQuery("x"))?.title).toBe("A");
  });
});

describe("excerpt around a run", () => {
  const words = Array.from({ length: 120 }, (_, i) => `w${i}`);
  words.splice(80, 3, "the", "team", "grew");
  const raw = words.join(" ");

  it("shows the words side by side even when Pagefind's excerpt sits elsewhere", () => {
    const sub = { ...section("Q", "q", "<mark>w10</mark> elsewhere", [10, 12, 80, 81, 82]) };
    const anchors: PagefindAnchor[] = [{ element: "h2", id: "q", text: "Q", location: 5 }];
    const view = toResultView({ ...story([sub], raw, {}, anchors), raw_content: raw }, parseQuery("the team grew"));
    const text = view.excerpt.map((s) => (s.marked ? `[${s.text}]` : s.text)).join("");
    expect(text).toContain("[the team grew]");
    expect(text).not.toContain("[w10]");
  });

  it("stays inside the section", () => {
    const sub = section("Q", "q", "x", [80, 81]);
    const anchors: PagefindAnchor[] = [
      { element: "h2", id: "q", text: "Q", location: 75 },
      { element: "h2", id: "next", text: "Next", location: 85 },
    ];
    const view = toResultView({ ...story([sub], raw, {}, anchors), raw_content: raw }, parseQuery("the team"));
    const text = view.excerpt.map((s) => s.text).join("");
    expect(text.startsWith("w75 ")).toBe(true);
    expect(text.endsWith("w84")).toBe(true);
  });
});

describe("withHighlights", () => {
  it("puts one parameter per term before the fragment", () => {
    expect(withHighlights("/stories/a/#q", ["staff project", "sorbet"])).toBe(
      `/stories/a/?${HIGHLIGHT_PARAM}=staff+project&${HIGHLIGHT_PARAM}=sorbet#q`,
    );
    expect(withHighlights("/stories/a/?x=1", ["y"])).toBe(`/stories/a/?x=1&${HIGHLIGHT_PARAM}=y`);
    expect(withHighlights("/stories/a/", [])).toBe("/stories/a/");
  });
});

describe("promoteExact and shorten", () => {
  it("moves exact stories ahead, keeping order otherwise", () => {
    const views = [1, 2, 3].map((n) => ({
      ...toResultView(story([]), parseQuery("x")),
      person: `P${n}`,
      exact: n === 3,
    }));
    expect(promoteExact(views).map((v) => v.person)).toEqual(["P3", "P1", "P2"]);
  });

  it("leaves short text alone and trims trailing punctuation before the ellipsis", () => {
    expect(shorten("Short?", 20)).toBe("Short?");
    expect(shorten("one two, three four five", 12)).toBe("one two…");
  });
});
