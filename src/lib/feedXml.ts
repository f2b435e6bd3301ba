import { getRssString, type RSSFeedItem, type RSSOptions } from "@astrojs/rss";
import { FEED_WINDOW, type FeedDescriptor } from "./feedCatalog.ts";
import { byAdded } from "./storyOrder.ts";

/** What a feed item needs to know about a story, already resolved to absolute URLs. */
export interface FeedStory {
  /** The story page, absolute; also the item's guid. */
  url: string;
  /** "Name — Role at Company". */
  title: string;
  /** The person's name, for dc:creator. */
  personName: string;
  company: string;
  topics: string[];
  /** One-line summary: the item's description. */
  summary: string;
  /** The year the interview was recorded (or the thread written), e.g. "2015". */
  year: string;
  /** When the story entered the archive: the item's date and its place in the feed. */
  added: Date;
  /** The full story as safe HTML with absolute links (see sanitizeFeedHtml). */
  contentHtml: string;
}

/** A feed, its channel URLs already absolute. */
export interface FeedChannel {
  feed: FeedDescriptor;
  /** Absolute URL of this feed file, announced as atom:link rel="self". */
  selfUrl: string;
  /** Absolute URL of the page the feed follows: the channel's link. */
  pageUrl: string;
  /** Absolute URL of the channel image (PNG). */
  image: { url: string; width: number; height: number };
}

/** XML 1.0 forbids most control characters and lone surrogates even when escaped. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 cannot carry at all (escaping does not help for these). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, "");
}

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes text for XML element content and double-quoted attributes. Named entities only:
 * @astrojs/rss re-parses custom data with a parser that leaves numeric references undecoded.
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/**
 * Plain text as the HTML a feed reader may take it for. Readers treat an item's description as
 * HTML, and many (feedparser among them) its title, author and categories too: a name written
 * `<svg onload=…>` must reach them as `&lt;svg onload=…&gt;`, text in any reading. The XML
 * builder then escapes this once more.
 */
export function textAsHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (char) => XML_ENTITIES[char] ?? char);
}

/** The stories a feed carries: the `size` most recently added, newest first. */
export function feedWindow<T extends { added: Date; date: Date; id: string }>(
  stories: readonly T[],
  size = FEED_WINDOW,
): T[] {
  return byAdded(stories).slice(0, size);
}

/**
 * Channel elements @astrojs/rss does not write itself. It parses this string back into XML,
 * so every value is escaped here.
 */
export function channelCustomData(channel: FeedChannel, lastBuildDate: Date | undefined): string {
  const { feed, selfUrl, pageUrl, image } = channel;
  return [
    `<language>en</language>`,
    // The newest story's date, not the clock: rebuilding unchanged content gives identical bytes.
    lastBuildDate ? `<lastBuildDate>${lastBuildDate.toUTCString()}</lastBuildDate>` : "",
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    // RSS requires the image's title and link to match the channel's.
    `<image><url>${escapeXml(image.url)}</url><title>${escapeXml(textAsHtml(feed.title))}</title>`,
    `<link>${escapeXml(pageUrl)}</link><width>${image.width}</width><height>${image.height}</height></image>`,
  ].join("");
}

/**
 * One RSS item, dated by the day the story was added, with the year it was recorded in its
 * title and description. RSS's <author> must be an email address, so the person is named in
 * dc:creator.
 */
export function toFeedItem(story: FeedStory): RSSFeedItem {
  const categories = [...new Set([story.company, ...story.topics].map(textAsHtml))];
  return {
    title: textAsHtml(`${story.title} (${story.year})`),
    link: story.url,
    pubDate: story.added,
    description: textAsHtml(`Recorded in ${story.year}. ${story.summary}`),
    content: xmlSafe(story.contentHtml),
    categories,
    customData: `<dc:creator>${escapeXml(textAsHtml(story.personName))}</dc:creator>`,
  };
}

/** What @astrojs/rss is given for a feed of these (already windowed) stories. */
export function rssOptions(channel: FeedChannel, stories: readonly FeedStory[]): RSSOptions {
  const newest = stories.reduce<Date | undefined>((max, s) => (max && max >= s.added ? max : s.added), undefined);
  return {
    title: textAsHtml(channel.feed.title),
    description: textAsHtml(channel.feed.description),
    site: channel.pageUrl,
    xmlns: {
      atom: "http://www.w3.org/2005/Atom",
      dc: "http://purl.org/dc/elements/1.1/",
      content: "http://purl.org/rss/1.0/modules/content/",
    },
    customData: channelCustomData(channel, newest),
    items: stories.map(toFeedItem),
  };
}

/** The whole RSS 2.0 document for one channel and its (already windowed) stories. */
export function feedXml(channel: FeedChannel, stories: readonly FeedStory[]): Promise<string> {
  return getRssString(rssOptions(channel, stories));
}
