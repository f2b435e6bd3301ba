/**
 * The archive's identity and the numbers every page shares, in one place: the header and footer
 * read the same navigation, list pages and feeds the same sizes, every page the same kind labels.
 */
import type { StoryData } from "./schema/schema.ts";

/** One link in the site's navigation, as a site-relative path (base added by href()). */
export interface NavLink {
  path: string;
  label: string;
}

type KindLabels = Record<StoryData["kind"], { one: string; other: string; dated: string; asker: string }>;

export const site = {
  /** Shown in the header, page titles, Open Graph and feed channels. */
  name: "Staff+ Archive",
  /** The home page's one line of purpose, also its meta description. */
  description:
    "Long-form interviews with Staff, Principal and Distinguished engineers, kept word for word and linked to where they first appeared.",
  /** The header's links; the footer repeats them and adds `footerExtra`. */
  navigation: [
    { path: "stories/", label: "Stories" },
    { path: "people/", label: "People" },
    { path: "companies/", label: "Companies" },
    { path: "topics/", label: "Topics" },
  ] satisfies NavLink[],
  /** Links the footer adds after the shared navigation. */
  footerExtra: [
    { path: "search/", label: "Search" },
    { path: "subscribe/", label: "Subscribe" },
  ] satisfies NavLink[],
  /** Stories on the home page's "Latest" list. */
  latestStories: 6,
  /** Items per page of /stories/ and /people/ (ARCHIVE_LIST_PAGE_SIZE overrides it, for tests). */
  listPageSize: 100,
  /**
   * Stories a feed carries, the newest only: feed readers poll the whole file, so this keeps
   * every feed bounded however large the archive grows.
   */
  feedSize: 50,
  /** The in-page filters on /stories/ appear from this many stories on; fewer read at a glance. */
  filtersFrom: 12,
  /** What each kind of story is called, alone and in lists, and the words its facts use. */
  kinds: {
    interview: { one: "Interview", other: "Interviews", dated: "Recorded", asker: "Interviewer" },
    discussion: { one: "Discussion", other: "Discussions", dated: "Written", asker: "Asked by" },
  } satisfies KindLabels,
  /** Language of every page and of dates and numbers on them. */
  locale: "en-GB",
} as const;
