import type { PagefindSearchOptions } from "./pagefindTypes.ts";
import { FILTER_FIELDS, QUERY_PARAM, type FilterKey } from "./searchFields.ts";

/** Sort choices in the order the search page offers them. */
export const SORT_ORDERS = [
  { value: "relevance", label: "Best match" },
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
] as const;

/** How results are ordered. */
export type SortOrder = (typeof SORT_ORDERS)[number]["value"];

/** URL parameter for the sort order; absent means best match. */
const SORT_PARAM = "sort";

/** What the search page is showing, all of it kept in the URL so it can be shared. */
export interface SearchState {
  query: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortOrder;
}

/** Reads `?q=…&sort=…&topic=…&topic=…` (unknown parameters are ignored). */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState["filters"] = {};
  for (const { key } of FILTER_FIELDS) {
    const values = [...new Set(params.getAll(key).map((value) => value.trim()))].filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get(SORT_PARAM);
  return {
    query: (params.get(QUERY_PARAM) ?? "").trim(),
    filters,
    sort: SORT_ORDERS.some((order) => order.value === sort) ? (sort as SortOrder) : "relevance",
  };
}

/** The URL query string for a state, without defaults; "" for an empty search. */
export function searchStateQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== "") params.set(QUERY_PARAM, state.query);
  if (state.sort !== "relevance") params.set(SORT_PARAM, state.sort);
  for (const { key } of FILTER_FIELDS) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** True when at least one filter value is chosen. */
export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((values) => values.length > 0);
}

/** True when there is something to search for: words, or filters to list stories by. */
export function isSearchable(state: SearchState): boolean {
  return state.query !== "" || hasFilters(state);
}

/** Pagefind options for a state: values of one filter widen, filters narrow; without words, newest first. */
export function pagefindSearchOptions(state: SearchState): PagefindSearchOptions {
  const chosen = Object.entries(state.filters).filter(([, values]) => values.length > 0);
  const sort = state.sort === "relevance" && state.query === "" ? "newest" : state.sort;
  return {
    ...(chosen.length > 0 ? { filters: Object.fromEntries(chosen.map(([key, any]) => [key, { any }])) } : {}),
    ...(sort === "relevance" ? {} : { sort: { date: sort === "newest" ? "desc" : "asc" } }),
  };
}
