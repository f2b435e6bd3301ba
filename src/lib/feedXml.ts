import { getRssString } from "@astrojs/rss";
import { FEED_WINDOW, type FeedDescriptor } from "./feedCatalog.ts";

/** What a feed item needs of a story, URLs absolute: `url` is also its guid, `contentHtml` the sanitized story. */
export interface FeedStory {
  url: string;
  title: string;
  personName: string;
  company: string;
  topics: string[];
  summary: string;
  /** The year it was recorded, e.g. "2015". */
  year: string;
  /** When it entered the archive: the item's date and its place in the feed. */
  added: Date;
  contentHtml: string;
}

/** A feed with its absolute URLs: `selfUrl` for atom:link rel="self", `pageUrl` for the channel's link. */
export interface FeedChannel {
  feed: FeedDescriptor;
  selfUrl: string;
  pageUrl: string;
  image: { url: string; width: number; height: number };
}

/** XML 1.0 forbids most control characters and lone surrogates even when escaped. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 cannot carry at all (escaping does not help for these). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, "");
}

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML content and attributes, with named entities: @astrojs/rss leaves numeric ones undecoded. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** Text escaped as HTML (readers may read titles, authors, categories as HTML); the XML builder escapes it again. */
export function textAsHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (char) => XML_ENTITIES[char] ?? char);
}

/** The `size` stories last added, then by date and id (stable): a feed's items and the home page's "latest". */
export function feedWindow<T extends { added: Date; date: Date; id: string }>(
  stories: readonly T[],
  size = FEED_WINDOW,
): T[] {
  return [...stories]
    .sort(
      (a, b) =>
        b.added.getTime() - a.added.getTime() || b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id),
    )
    .slice(0, size);
}

/** RSS 2.0 for a channel's windowed stories: dated when added, recorded year in the title, person in dc:creator. */
export function feedXml(channel: FeedChannel, stories: readonly FeedStory[]): Promise<string> {
  const { feed, selfUrl, pageUrl, image } = channel;
  // The newest story's date, not the clock: rebuilding unchanged content gives identical bytes.
  const newest = stories.reduce<Date | undefined>((max, s) => (max && max >= s.added ? max : s.added), undefined);
  return getRssString({
    title: textAsHtml(feed.title),
    description: textAsHtml(feed.description),
    site: pageUrl,
    xmlns: {
      atom: "http://www.w3.org/2005/Atom",
      dc: "http://purl.org/dc/elements/1.1/",
      content: "http://purl.org/rss/1.0/modules/content/",
    },
    // Channel elements @astrojs/rss does not write itself; it parses this back into XML, so all is escaped here.
    customData: [
      `<language>en</language>`,
      newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : "",
      `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
      // RSS requires the image's title and link to match the channel's.
      `<image><url>${escapeXml(image.url)}</url><title>${escapeXml(textAsHtml(feed.title))}</title>`,
      `<link>${escapeXml(pageUrl)}</link><width>${image.width}</width><height>${image.height}</height></image>`,
    ].join(""),
    items: stories.map((story) => ({
      title: textAsHtml(`${story.title} (${story.year})`),
      link: story.url,
      pubDate: story.added,
      description: textAsHtml(`Recorded in ${story.year}. ${story.summary}`),
      content: xmlSafe(story.contentHtml),
      categories: [...new Set([story.company, ...story.topics].map(textAsHtml))],
      customData: `<dc:creator>${escapeXml(textAsHtml(story.personName))}</dc:creator>`,
    })),
  });
}
