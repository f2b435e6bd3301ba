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

/** What a kind of story is called: alone, in lists, and in the facts under its title. */
interface KindWords {
  one: string;
  other: string;
  /** Label of the date it was recorded or written. */
  dated: string;
  /** Label of who asked the questions. */
  asker: string;
}

/** The shape of the site config below. */
export interface SiteConfig {
  name: string;
  description: string;
  navigation: readonly NavLink[];
  footerExtra: readonly NavLink[];
  latestStories: number;
  listPageSize: number;
  feedSize: number;
  filtersFrom: number;
  kinds: Record<StoryData["kind"], KindWords>;
  featured: { story: string; question: string; quote: string };
  locale: string;
}

export const site: SiteConfig = {
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
  ],
  /** Links the footer adds after the shared navigation. */
  footerExtra: [
    { path: "search/", label: "Search" },
    { path: "subscribe/", label: "Subscribe" },
  ],
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
  },
  /**
   * The quote the home page opens with: an editor's pick, checked against the story at build time
   * (src/lib/featured.ts), so it cannot drift from the words on the page it links to.
   */
  featured: {
    story: "dmitry-petrashko",
    question: "how-have-you-sponsored-other-engineers-is-sponsoring",
    quote:
      "Mentorship is about helping people grow and deliver impact. Sponsorship is about helping a person get in a position where they could demonstrate their ability to deliver greater impact.",
  },
  /** Language of every page and of dates and numbers on them. */
  locale: "en-GB",
};
