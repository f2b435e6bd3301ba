/* A search index in shards (src/integrations/pagefindShards.ts), newest stories first: merged for relevance, joined in order for a date sort. */
import type { FilterCounts, PagefindSearchOptions, PagefindSearchResponse } from "./pagefindTypes.ts";

/** Site-relative folders of the extra shards, from `pagefind/shards.json`; anything else means one index. */
export function parseShardList(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  // Only folders inside the search bundle: the list must not send the page to fetch code from elsewhere.
  return json.filter((folder): folder is string => typeof folder === "string" && /^pagefind\/[\w-]+\/$/.test(folder));
}

/** The date direction a search asks for, or undefined for relevance (merged search re-sorts by score). */
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

/** One response from per-shard ones, newest shard first: shards are date ranges, so joined in order they stay sorted. */
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
