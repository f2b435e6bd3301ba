/* The archive's identity and the numbers every page shares (navigation, list and feed sizes, kind labels). */
import type { StoryData } from "./schema/schema.ts";

/** What a kind of story is called alone and in lists, and the labels of its date and of who asked. */
type KindWords = Record<"one" | "other" | "dated" | "asker", string>;

export const site = {
  /** Shown in the header, page titles, Open Graph and feed channels. */
  name: "Staff+ Archive",
  /** The home page's one line of purpose, also its meta description. */
  description:
    "Long-form interviews with Staff, Principal and Distinguished engineers, kept word for word and linked to where they first appeared.",
  /** The header's links (site-relative paths); the footer repeats them and adds `footerExtra`. */
  navigation: [
    { path: "stories/", label: "Stories" },
    { path: "people/", label: "People" },
    { path: "companies/", label: "Companies" },
    { path: "topics/", label: "Topics" },
  ],
  footerExtra: [
    { path: "search/", label: "Search" },
    { path: "subscribe/", label: "Subscribe" },
  ],
  /** Stories on the home page's "Latest" list. */
  latestStories: 6,
  /** Items per page of /stories/ and /people/ (ARCHIVE_LIST_PAGE_SIZE overrides it, for tests). */
  listPageSize: 100,
  /** Stories a feed carries, the newest only: readers poll the whole file, so every feed stays bounded. */
  feedSize: 50,
  /** The in-page filters on /stories/ appear from this many stories on; fewer read at a glance. */
  filtersFrom: 12,
  kinds: {
    interview: { one: "Interview", other: "Interviews", dated: "Recorded", asker: "Interviewer" },
    discussion: { one: "Discussion", other: "Discussions", dated: "Written", asker: "Asked by" },
  } satisfies Record<StoryData["kind"], KindWords>,
  /** The home page's opening quote, an editor's pick checked against its story at build time (src/lib/featured.ts). */
  featured: {
    story: "dmitry-petrashko",
    question: "how-have-you-sponsored-other-engineers-is-sponsoring",
    quote:
      "Mentorship is about helping people grow and deliver impact. Sponsorship is about helping a person get in a position where they could demonstrate their ability to deliver greater impact.",
  },
  /** Language of every page and of dates and numbers on them. */
  locale: "en-GB",
};
