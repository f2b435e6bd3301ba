/**
 * What the integrity check may expect of the build while features are still landing.
 * Each artefact is always checked when it is in the output; these switches say whether its
 * absence is an error. LEAD: once search, the feed and the people/topic/company pages are
 * merged, set both flags to true and empty `pendingSections`.
 */
export const expectations = {
  /** The Pagefind index (pagefind/pagefind-entry.json) must exist. */
  searchIndexRequired: false,
  /** The feed (feedFile) must exist. */
  feedRequired: false,
  /** Site sections another feature is adding; links into them, and missing person pages, only warn. */
  pendingSections: ["people/", "topics/", "companies/", "subscribe/", "search/"] as readonly string[],
  /** The feed file, at the root of the output. */
  feedFile: "rss.xml",
  /** How many of the newest stories the feed carries. */
  feedWindow: 50,
};

export type Expectations = typeof expectations;
