import { randomUUID } from "node:crypto";
import { getRssString, type RSSFeedItem, type RSSOptions } from "@astrojs/rss";
import { FEED_WINDOW, type FeedDescriptor } from "./feedCatalog.ts";

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
  date: Date;
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

/** The stories a feed carries: the newest `size`, newest first. */
export function feedWindow<T extends { date: Date }>(stories: readonly T[], size = FEED_WINDOW): T[] {
  return [...stories].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, size);
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
    `<image><url>${escapeXml(image.url)}</url><title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(pageUrl)}</link><width>${image.width}</width><height>${image.height}</height></image>`,
  ].join("");
}

/**
 * One RSS item. RSS's <author> must be an email address, so the person is named in dc:creator.
 * `content` is what goes into content:encoded (see feedXml for why it may be a placeholder).
 */
export function toFeedItem(story: FeedStory, content = xmlSafe(story.contentHtml)): RSSFeedItem {
  const categories = [...new Set([story.company, ...story.topics].map(xmlSafe))];
  return {
    title: xmlSafe(story.title),
    link: story.url,
    pubDate: story.date,
    description: xmlSafe(story.summary),
    content,
    categories,
    customData: `<dc:creator>${escapeXml(story.personName)}</dc:creator>`,
  };
}

/**
 * Stands in for an item's content while @astrojs/rss writes the document. Random per build and
 * only letters, digits and dashes, so the builder copies it unchanged and no story can spell it.
 */
const PLACEHOLDER = `feed-content-${randomUUID()}-`;

/**
 * The whole RSS 2.0 document for one channel and its (already windowed) stories.
 *
 * @astrojs/rss escapes text with five regex passes and concatenates around it: with 40 KB
 * stories that was most of the XML time. It writes each item's content:encoded around a
 * placeholder instead, and the content, escaped as its builder escapes text (&, <, >, ', "
 * to the same named entities, after xmlSafe), takes the placeholder's place: the same bytes.
 */
export async function feedXml(channel: FeedChannel, stories: readonly FeedStory[]): Promise<string> {
  const contents = stories.map((story) => escapeXml(story.contentHtml));
  // An empty content is written as an empty element, not as text: that one goes through as is.
  const holders = contents.map((content, i) => (content === "" ? "" : `${PLACEHOLDER}${i}`));
  return fillContent(await getRssString(rssOptions(channel, stories, holders)), holders, contents);
}

/** What @astrojs/rss is given for a feed, with `contents[i]` as item i's content:encoded text. */
export function rssOptions(
  channel: FeedChannel,
  stories: readonly FeedStory[],
  contents: readonly string[],
): RSSOptions {
  const newest = stories.reduce<Date | undefined>((max, s) => (max && max >= s.date ? max : s.date), undefined);
  return {
    title: xmlSafe(channel.feed.title),
    description: xmlSafe(channel.feed.description),
    site: channel.pageUrl,
    xmlns: {
      atom: "http://www.w3.org/2005/Atom",
      dc: "http://purl.org/dc/elements/1.1/",
      content: "http://purl.org/rss/1.0/modules/content/",
    },
    customData: channelCustomData(channel, newest),
    items: stories.map((story, i) => toFeedItem(story, contents[i])),
  };
}

/** Puts each escaped content where its placeholder element is, in order. */
function fillContent(xml: string, holders: readonly string[], contents: readonly string[]): string {
  const parts: string[] = [];
  let from = 0;
  holders.forEach((holder, i) => {
    if (holder === "") return;
    const element = `<content:encoded>${holder}</content:encoded>`;
    const at = xml.indexOf(element, from);
    if (at < 0) throw new Error(`feedXml: @astrojs/rss did not write item ${i}'s content where expected.`);
    parts.push(xml.slice(from, at), "<content:encoded>", contents[i] ?? "", "</content:encoded>");
    from = at + element.length;
  });
  parts.push(xml.slice(from));
  return parts.join("");
}
