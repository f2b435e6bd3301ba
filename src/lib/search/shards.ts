/* A search index in shards (src/integrations/pagefind.ts), newest stories first: merged for relevance, joined in order for a date sort. */
import type { FilterCounts, PagefindSearchResponse } from "./pagefindTypes.ts";

/** Site-relative folders of the extra shards, from `pagefind/shards.json`; anything else means one index. */
export function parseShardList(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  // Only folders inside the search bundle: the list must not send the page to fetch code from elsewhere.
  return json.filter((folder): folder is string => typeof folder === "string" && /^pagefind\/[\w-]+\/$/.test(folder));
}

/** One response from per-shard ones, newest shard first: shards are date ranges, so joined in order they stay sorted. */
export function joinShardResponses(
  newestFirst: readonly PagefindSearchResponse[],
  direction: "asc" | "desc",
): PagefindSearchResponse {
  const ordered = direction === "desc" ? newestFirst : [...newestFirst].reverse();
  // Filter counts add up value by value, as Pagefind does when it merges indexes.
  const filters: FilterCounts = {};
  for (const response of ordered) {
    for (const [filter, values] of Object.entries(response.filters)) {
      const into = (filters[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return { results: ordered.flatMap((response) => response.results), filters };
}
