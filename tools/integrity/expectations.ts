import { FEED_WINDOW } from "../../src/lib/feedCatalog.ts";

/**
 * What the integrity check expects of the build. Every artefact is required; the switches
 * exist so a section still being built (listed in `pendingSections`) can warn instead of fail.
 */
export const expectations = {
  /** The Pagefind index (pagefind/pagefind-entry.json) must exist. */
  searchIndexRequired: true,
  /** The feed (feedFile) must exist. */
  feedRequired: true,
  /** Site sections another feature is adding; links into them, and missing person pages, only warn. */
  pendingSections: [] as readonly string[],
  /** The feed file, at the root of the output. */
  feedFile: "rss.xml",
  /** How many of the newest stories the feed carries. */
  feedWindow: FEED_WINDOW,
};

export type Expectations = typeof expectations;
