import { site } from "../site.config.ts";
import { paths } from "./urls.ts";

/** How many stories a feed carries (`feedSize` in the site config). */
export const FEED_WINDOW = site.feedSize;

/** Name of the site, as feed readers show it. */
export const FEED_SITE_NAME = site.name;

/** One feed: what readers see, where it lives, and which page it stands for. */
export interface FeedDescriptor {
  /** Channel title, shown as the subscription's name in a reader. */
  title: string;
  /** One sentence saying what arrives in this feed. */
  description: string;
  /** Site-relative path of the feed file, e.g. "companies/stripe/rss.xml". */
  path: string;
  /** Site-relative path of the HTML page this feed follows ("" for the home page). */
  pagePath: string;
}

/** The feed of the whole archive. */
export const siteFeed: FeedDescriptor = {
  title: FEED_SITE_NAME,
  description: "Every new long-form interview with a Staff+ engineer, in full.",
  path: "rss.xml",
  pagePath: "",
};

/** The feed of one company's stories. */
export function companyFeed(company: { name: string; slug: string }): FeedDescriptor {
  const pagePath = paths.company(company.slug);
  return {
    title: `${FEED_SITE_NAME}: ${company.name}`,
    description: `Every new story from engineers at ${company.name}, in full.`,
    path: `${pagePath}rss.xml`,
    pagePath,
  };
}

/** The feed of one person's stories. */
export function personFeed(person: { id: string; name: string }): FeedDescriptor {
  const pagePath = paths.person(person.id);
  return {
    title: `${FEED_SITE_NAME}: ${person.name}`,
    description: `Every new story with ${person.name}, in full.`,
    path: `${pagePath}rss.xml`,
    pagePath,
  };
}

/** Site-relative path of the small square image feed readers show next to the channel. */
export const FEED_IMAGE = { path: "feed-icon.png", width: 144, height: 144 } as const;
