import { describe, expect, it } from "vitest";
import type { PagefindResult, PagefindSearchResponse } from "../../src/lib/search/pagefindTypes.ts";
import { joinShardResponses, parseShardList } from "../../src/lib/search/shards.ts";

const result = (id: string, score: number): PagefindResult => ({
  id,
  score,
  words: [],
  data: () => Promise.reject(new Error("not loaded in this test")),
});

const response = (ids: [string, number][], topic: Record<string, number>): PagefindSearchResponse => ({
  results: ids.map(([id, score]) => result(id, score)),
  filters: { topic },
});

describe("parseShardList", () => {
  it("keeps folders inside the search bundle and treats anything else as one index", () => {
    expect(parseShardList(["pagefind/shard-2/", "pagefind/shard-3/"])).toEqual([
      "pagefind/shard-2/",
      "pagefind/shard-3/",
    ]);
    expect(parseShardList([])).toEqual([]);
    expect(parseShardList({ shards: ["pagefind/shard-2/"] })).toEqual([]);
    expect(parseShardList(null)).toEqual([]);
    expect(
      parseShardList(["https://evil.example/pagefind/", "../x/", "pagefind/../../x/", 3, "pagefind/shard-2/"]),
    ).toEqual(["pagefind/shard-2/"]);
  });
});

describe("joinShardResponses", () => {
  // Shard 1 holds the newest stories; within each shard Pagefind has already sorted by date.
  const newest = response(
    [
      ["2024-b", 0.1],
      ["2023-a", 9],
    ],
    { Glue: 1, Metrics: 1 },
  );
  const oldest = response(
    [
      ["2019-c", 5],
      ["2018-d", 0.5],
    ],
    { Glue: 2 },
  );

  it("keeps the date order across shards whatever the scores, newest first", () => {
    const joined = joinShardResponses([newest, oldest], "desc");
    expect(joined.results.map((r) => r.id)).toEqual(["2024-b", "2023-a", "2019-c", "2018-d"]);
    expect(joined.filters).toEqual({ topic: { Glue: 3, Metrics: 1 } });
  });

  it("reads the shards from the oldest for oldest first", () => {
    const asc = (ids: [string, number][]) => response(ids, {});
    const joined = joinShardResponses(
      [
        asc([
          ["2023-a", 1],
          ["2024-b", 2],
        ]),
        asc([
          ["2018-d", 3],
          ["2019-c", 4],
        ]),
      ],
      "asc",
    );
    expect(joined.results.map((r) => r.id)).toEqual(["2018-d", "2019-c", "2023-a", "2024-b"]);
  });
});
