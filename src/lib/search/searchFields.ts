/** URL parameter that carries the query on /search/ (the header form submits it too). */
export const QUERY_PARAM = "q";

/** URL parameter, one per term or phrase, that marks those words on the story page (Pagefind's default differs). */
export const HIGHLIGHT_PARAM = "highlight";

/** Filters stories carry (data-pagefind-filter names), in the order the search page shows them. */
export const FILTER_FIELDS = [
  { key: "person", label: "Person", plural: "people" },
  { key: "company", label: "Company", plural: "companies" },
  { key: "topic", label: "Topic", plural: "topics" },
  { key: "kind", label: "Kind", plural: "kinds" },
  { key: "year", label: "Year", plural: "years" },
] as const;

/** One of the filter names above. */
export type FilterKey = (typeof FILTER_FIELDS)[number]["key"];
