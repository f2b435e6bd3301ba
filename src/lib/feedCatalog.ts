import { site } from "../site.config.ts";
import { paths } from "./urls.ts";

/** How many stories a feed carries: the newest ones only (site.config.ts says why). */
export const FEED_WINDOW = site.feedSize;

/** The feed of the whole archive. */
export const siteFeed = {
  title: site.name,
  description: "Every new long-form interview with a Staff+ engineer, in full.",
  path: "rss.xml",
  pagePath: "",
};

/** One feed: its channel title and one-line description, its path, and the path of the page it follows. */
export type FeedDescriptor = typeof siteFeed;

/** The feed of one company's stories. */
export function companyFeed(company: { name: string; slug: string }): FeedDescriptor {
  return subjectFeed(paths.company(company.slug), company.name, `from engineers at ${company.name}`);
}

/** The feed of one person's stories. */
export function personFeed(person: { id: string; name: string }): FeedDescriptor {
  return subjectFeed(paths.person(person.id), person.name, `with ${person.name}`);
}

function subjectFeed(pagePath: string, name: string, stories: string): FeedDescriptor {
  return {
    title: `${site.name}: ${name}`,
    description: `Every new story ${stories}, in full.`,
    path: `${pagePath}rss.xml`,
    pagePath,
  };
}

/** The small square image feed readers show next to the channel. */
export const FEED_IMAGE = { path: "feed-icon.png", width: 144, height: 144 } as const;
