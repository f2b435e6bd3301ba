/* The part of Pagefind's browser API (pagefind.js, built with the site) the archive uses; npm ships no types for it. */

/** Per filter, per value: how many stories have it. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Options for one search: every listed filter must match one of its values. */
export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
}

/** A section of a page: the text under one heading with an id; `<` and `>` in its excerpt arrive escaped. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations: { weight: number; balanced_score: number; location: number }[];
}

/** An element with an id inside the indexed body (a question heading) and its word position. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** What Pagefind knows about one matching page; `raw_content` is the text as its word locations number it. */
export interface PagefindResultData {
  url: string;
  content: string;
  raw_content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
  anchors: PagefindAnchor[];
}

/** One ranked match: `words` are its match positions, known before its data is fetched. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindResultData>;
}

/** What a search returns (the part the archive reads); `filters` counts with the current filters applied. */
export interface PagefindSearchResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

/** One search index: the module's default one, or one made by `createInstance`. */
export interface PagefindSearcher {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearchResponse>;
  filters: () => Promise<FilterCounts>;
}

/** The module pagefind.js exports: `mergeIndex` adds another bundle's pages, `createInstance` a separate index. */
export interface PagefindModule extends PagefindSearcher {
  init: () => Promise<void>;
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  createInstance: (options: { basePath: string }) => PagefindSearcher;
}
