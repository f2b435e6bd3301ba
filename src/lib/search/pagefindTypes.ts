/*
 * The part of Pagefind's browser API (pagefind.js, loaded at run time from the
 * built bundle) that the archive uses. Pagefind ships no types for it on npm.
 */

/** Per filter, per value: how many stories have it. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Filters to apply: every listed filter must match one of its values. */
export type FilterSelection = Record<string, { any: string[] }>;

/** Options for one search. */
export interface PagefindSearchOptions {
  filters?: FilterSelection;
  sort?: Record<string, "asc" | "desc">;
}

/** One match location, weighted by where it was found (headings weigh more). */
export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** A section of a page: the text under one heading that has an id. */
export interface PagefindSubResult {
  title: string;
  url: string;
  /** Text with matches wrapped in <mark>; `<` and `>` in the text arrive as `&lt;` and `&gt;`. */
  excerpt: string;
  locations: number[];
  weighted_locations?: WeightedLocation[];
}

/** An element with an id inside the indexed body, such as a question heading. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  /** Word position in the page's content. */
  location: number;
}

/** What Pagefind knows about one matching page, loaded on demand. */
export interface PagefindResultData {
  url: string;
  /** The page's indexed text; `<` and `>` arrive escaped as in excerpts. */
  content: string;
  /** The same text as Pagefind numbers its word locations. */
  raw_content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  anchors: PagefindAnchor[];
  word_count: number;
}

/** One ranked match; its data is fetched only when asked for. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of every match in the page, before its fragment is loaded. */
  words: number[];
  data: () => Promise<PagefindResultData>;
}

/** What a search returns: ranked matches and filter counts for them. */
export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts for the current search with the current filters applied; empty until filters are loaded. */
  filters: FilterCounts;
  /** Counts for the current search without filters. */
  totalFilters: FilterCounts;
}

/** One search index: the module's default one, or one made by `createInstance`. */
export interface PagefindSearcher {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearchResponse>;
  filters: () => Promise<FilterCounts>;
}

/** The module pagefind.js exports. */
export interface PagefindModule extends PagefindSearcher {
  init: () => Promise<void>;
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  /** Adds another bundle's pages to this index's searches (results re-sorted by score). */
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  /** A separate index, e.g. one shard searched alone. */
  createInstance: (options: { basePath: string }) => PagefindSearcher;
}
