/*
 * Pure logic for a search index written in shards (src/integrations/pagefindShards.ts): one
 * Pagefind bundle per 2,500 stories, newest stories in the first. The browser merges them for
 * relevance; for a date sort it searches each shard alone and joins the lists in shard order.
 */
import type { FilterCounts, PagefindSearchOptions, PagefindSearchResponse } from "./pagefindTypes.ts";

/** Site-relative folders of the extra shards, from `pagefind/shards.json`; anything else means one index. */
export function parseShardList(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  // Only folders inside the search bundle: the list must not send the page to fetch code from elsewhere.
  return json.filter((folder): folder is string => typeof folder === "string" && /^pagefind\/[\w-]+\/$/.test(folder));
}

/**
 * The date direction a search asks for, or undefined for relevance. Pagefind's merged search
 * re-sorts every shard's results by score, which would undo a date sort across shards.
 */
export function dateDirection(options: PagefindSearchOptions | undefined): "asc" | "desc" | undefined {
  return options?.sort?.["date"];
}

/** Adds filter counts value by value, as Pagefind does when it merges indexes. */
export function sumFilterCounts(counts: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const filters of counts) {
    for (const [filter, values] of Object.entries(filters)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/**
 * One response from per-shard responses given newest shard first. Shards are date ranges, so
 * each shard's date-sorted list joined in shard order (reversed for oldest first) is sorted overall.
 */
export function joinShardResponses(
  newestFirst: readonly PagefindSearchResponse[],
  direction: "asc" | "desc",
): PagefindSearchResponse {
  const ordered = direction === "desc" ? newestFirst : [...newestFirst].reverse();
  return {
    results: ordered.flatMap((response) => response.results),
    unfilteredResultCount: ordered.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
    filters: sumFilterCounts(ordered.map((response) => response.filters)),
    totalFilters: sumFilterCounts(ordered.map((response) => response.totalFilters)),
  };
}
