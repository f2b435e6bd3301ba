import { describe, expect, it } from "vitest";
import type { PagefindResultData, PagefindSubResult } from "../../src/lib/search/pagefindTypes.ts";
import { normalizeForMatch, parseQuery } from "../../src/lib/search/parseQuery.ts";
import { findPhrase, longestRun, positionedTokens, wordsAt } from "../../src/lib/search/excerpt.ts";
import { rerankByProximity } from "../../src/lib/search/rerank.ts";
import { toResultView } from "../../src/lib/search/resultView.ts";
import { HIGHLIGHT_PARAM } from "../../src/lib/search/searchFields.ts";
import { resultCountText } from "../../src/lib/search/statusText.ts";

describe("rerankByProximity", () => {
  const result = (id: string, words: number[]) => ({ id, words });
  it("puts pages whose matched words sit side by side first, across the whole list", () => {
    const scattered = Array.from({ length: 20 }, (_, n) => result(`scattered-${n}`, [3, 40, 90]));
    const phrase = result("phrase", [200, 201, 202]);
    const pair = result("pair", [10, 11, 50]);
    const ranked = rerankByProximity([...scattered, pair, phrase], 3);
    expect(ranked.slice(0, 2).map((r) => r.id)).toEqual(["phrase", "pair"]);
    // Otherwise Pagefind's order stands.
    expect(ranked.slice(2).map((r) => r.id)).toEqual(scattered.map((r) => r.id));
  });
  it("re-ranks only the best `window` results, leaving the tail in Pagefind's order", () => {
    const tail = result("tail-phrase", [5, 6]);
    const head = [result("a", [1, 9]), result("b", [3, 4])];
    expect(rerankByProximity([...head, tail], 2, 2).map((r) => r.id)).toEqual(["b", "a", "tail-phrase"]);
  });
  it("finds adjacent positions in any order and ignores repeats", () => {
    expect(longestRun([9, 3, 4, 4, 5, 20], 10).length).toBe(3);
    expect(longestRun([9, 3, 4, 4, 5, 20], 2).length).toBe(2);
    expect(longestRun([], 2).length).toBe(0);
  });
  it("counts a run no longer than the query, and leaves a one-word query alone", () => {
    const long = result("long", [1, 2, 3, 4, 5]);
    const exact = result("exact", [7, 8]);
    expect(rerankByProximity([long, exact], 2).map((r) => r.id)).toEqual(["long", "exact"]);
    expect(rerankByProximity([exact, long], 1).map((r) => r.id)).toEqual(["exact", "long"]);
  });
});

describe("findPhrase", () => {
  const text = "We paid down technical debt. Technical work, index-migration and debt again.";
  const tokens = positionedTokens(text);
  it("finds a phrase word for word, ignoring case and punctuation, as word positions", () => {
    expect(findPhrase(tokens, "Technical Debt", { from: 0, to: 99 })).toEqual({ start: 3, length: 2 });
    expect(findPhrase(tokens, "index migration", { from: 0, to: 99 })).toEqual({ start: 7, length: 1 });
    expect(findPhrase(tokens, "technical debt", { from: 5, to: 99 })).toBeUndefined();
    expect(findPhrase(tokens, "debt technical work", { from: 0, to: 99 })).toEqual({ start: 4, length: 3 });
    expect(findPhrase(tokens, "work technical", { from: 0, to: 99 })).toBeUndefined();
  });
  it("tokenizes every word as normalizing it would, plain words and others alike", () => {
    const mixed = "Plain WORDS 2024 café naïve it’s “quoted” index-migration &lt;b&gt; Ärger don't x86_64 — end.";
    const slow = mixed.split(/[^\S\uFEFF]+/).flatMap((word, position) =>
      normalizeForMatch(word)
        .split(" ")
        .filter(Boolean)
        .map((token) => ({ token, position })),
    );
    expect(positionedTokens(mixed)).toEqual(slow);
  });
  it("reads the words at positions as written", () => {
    expect(wordsAt(text, [3, 5, 6, 8])).toEqual(["technical", "work", "and"]);
  });
});

/** A page of two questions: the first has both words apart, the second the phrase. */
function page(): PagefindResultData {
  const words = [
    "Intro.",
    "Why",
    "technical",
    "work?", // 1-3: question 1
    "Technical",
    "people",
    "love",
    "debt",
    "and",
    "more",
    "technical",
    "technical",
    "work",
    "debt", // 4-13
    "How",
    "to",
    "pay?", // 14-16: question 2
    "Paying",
    "down",
    "technical",
    "debt",
    "slowly.", // 17-21
  ];
  const section = (title: string, id: string, locations: number[]): PagefindSubResult => ({
    title,
    url: `/stories/ann/#${id}`,
    excerpt: "",
    locations,
    weighted_locations: locations.map((location) => ({ weight: 1, balanced_score: 10, location })),
  });
  return {
    url: "/stories/ann/",
    content: words.join(" "),
    raw_content: words.join(" "),
    excerpt: "",
    meta: { title: "Ann", person: "Ann" },
    // The first section has more matches and a longer run of query words (10, 11), not the phrase.
    sub_results: [
      section("Why technical work?", "why", [2, 4, 7, 10, 11, 13]),
      section("How to pay?", "how", [19, 20]),
    ],
    anchors: [
      { element: "h2", id: "why", text: "Why technical work?", location: 1 },
      { element: "h2", id: "how", text: "How to pay?", location: 14 },
    ],
  };
}

describe("the section a result opens, and what it marks", () => {
  it("opens the section holding the phrase and marks only the phrase", () => {
    const view = toResultView(page(), parseQuery("technical debt"));
    expect(view.href).toBe(`/stories/ann/?${HIGHLIGHT_PARAM}=technical+debt#how`);
    expect(view.excerpt.filter((s) => s.marked).map((s) => s.text)).toEqual(["technical debt"]);
    expect(view.answers).toBe(1);
  });
  it("does the same for a quoted phrase", () => {
    expect(toResultView(page(), parseQuery('"technical debt"')).href).toBe(
      `/stories/ann/?${HIGHLIGHT_PARAM}=technical+debt#how`,
    );
  });
  it("without the phrase, marks the words typed and the words Pagefind matched (stems, typos)", () => {
    const view = toResultView(page(), parseQuery("technicality"));
    const marked = new URL(view.href, "https://x.example").searchParams.getAll(HIGHLIGHT_PARAM);
    expect(marked[0]).toBe("technicality");
    expect(marked).toContain("technical");
    expect(view.answers).toBe(2);
  });
});

describe("resultCountText with answers", () => {
  it("says how many answers in how many stories", () => {
    expect(resultCountText({ query: "staff", count: 5, filtered: false, answers: 12 })).toBe(
      "12 answers in 5 stories match “staff”.",
    );
    expect(resultCountText({ query: "sorbet", count: 1, filtered: false, answers: 1 })).toBe(
      "1 answer in 1 story matches “sorbet”.",
    );
    expect(resultCountText({ query: "zzz", count: 0, filtered: false, answers: 0 })).toBe("No stories match “zzz”.");
  });
});
