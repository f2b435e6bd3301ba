import { describe, expect, it } from "vitest";
import {
  isSearchable,
  pagefindSearchOptions,
  readSearchState,
  searchStateQueryString,
} from "../../src/lib/search/searchState.ts";
import { filterOptions } from "../../src/lib/search/filterOptions.ts";
import { resultCountText, shownText } from "../../src/lib/search/statusText.ts";

describe("search state in the URL", () => {
  it("reads the query, sort and filters, ignoring unknown parameters and bad sorts", () => {
    const state = readSearchState(
      new URLSearchParams("q=+glue+work+&sort=sideways&topic=Metrics&topic=Metrics&topic=Efficiency&utm_source=x"),
    );
    expect(state).toEqual({ query: "glue work", sort: "relevance", filters: { topic: ["Metrics", "Efficiency"] } });
  });

  it("round-trips through the query string, leaving out defaults", () => {
    const state = readSearchState(new URLSearchParams("q=staff+project&sort=newest&person=Smruti+Patel&year=2022"));
    expect(searchStateQueryString(state)).toBe("?q=staff+project&sort=newest&person=Smruti+Patel&year=2022");
    expect(searchStateQueryString({ query: "", sort: "relevance", filters: {} })).toBe("");
  });

  it("is searchable with words or with filters alone", () => {
    expect(isSearchable({ query: "", sort: "relevance", filters: {} })).toBe(false);
    expect(isSearchable({ query: "", sort: "relevance", filters: { kind: ["Discussion"] } })).toBe(true);
  });
});

describe("pagefindSearchOptions", () => {
  it("widens within a filter and sorts by date when asked", () => {
    expect(
      pagefindSearchOptions({ query: "x", sort: "oldest", filters: { person: ["Ann", "Bo"], year: ["2020"] } }),
    ).toEqual({
      filters: { person: { any: ["Ann", "Bo"] }, year: { any: ["2020"] } },
      sort: { date: "asc" },
    });
  });

  it("leaves relevance to Pagefind when there are words, and lists newest first when there are none", () => {
    expect(pagefindSearchOptions({ query: "x", sort: "relevance", filters: {} })).toEqual({});
    expect(pagefindSearchOptions({ query: "", sort: "relevance", filters: { kind: ["Interview"] } }).sort).toEqual({
      date: "desc",
    });
  });
});

describe("filterOptions", () => {
  it("orders by count then name, and drops values no result has unless chosen", () => {
    const options = filterOptions("topic", { Metrics: 1, Efficiency: 3, Databases: 0, Incidents: 1 }, ["Databases"]);
    expect(options.map((o) => o.value)).toEqual(["Efficiency", "Incidents", "Metrics", "Databases"]);
    expect(options.find((o) => o.value === "Databases")).toEqual({ value: "Databases", count: 0, chosen: true });
  });

  it("lists years newest first and keeps a chosen value missing from the counts", () => {
    expect(filterOptions("year", { "2015": 4, "2022": 1 }, ["2019"]).map((o) => o.value)).toEqual([
      "2022",
      "2019",
      "2015",
    ]);
  });
});

describe("status text", () => {
  it("counts stories in words a screen reader reads well", () => {
    expect(resultCountText({ query: "sorbet", count: 1, filtered: false })).toBe("1 story matches “sorbet”.");
    expect(resultCountText({ query: "staff", count: 12, filtered: true })).toBe(
      "12 stories match “staff” with the chosen filters.",
    );
    expect(resultCountText({ query: "zzz", count: 0, filtered: false })).toBe("No stories match “zzz”.");
    expect(resultCountText({ query: '"staff project"', count: 1, filtered: false })).toBe(
      '1 story matches "staff project".',
    );
    expect(resultCountText({ query: "", count: 2, filtered: true })).toBe("2 stories match the chosen filters.");
    expect(resultCountText({ query: "", count: 0, filtered: false })).toBe("");
  });

  it("says how many are shown only when some are not", () => {
    expect(shownText(10, 42)).toBe("Showing 10 of 42.");
    expect(shownText(3, 3)).toBe("");
  });
});
