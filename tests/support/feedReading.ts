import { XMLParser } from "fast-xml-parser";
import Parser from "rss-parser";
import { htmlElements, htmlText } from "./storySource.ts";

/** One item's fields as a feed reader decodes them from the XML (still HTML, as readers take them). */
export interface ReadItem {
  title: string;
  description: string;
  creator: string;
  categories: string[];
  content: string;
  link: string;
  pubDate: string;
}

/** A feed as two independent parsers read it: rss-parser (xml2js) and fast-xml-parser. */
export interface ReadFeed {
  title: string;
  rssParser: ReadItem[];
  fastXml: ReadItem[];
}

const fastXml = new XMLParser({
  ignoreAttributes: false,
  // Keep every value a string, as a reader does: "2015" stays text, not a number.
  parseTagValue: false,
  isArray: (name) => name === "item" || name === "category",
  processEntities: true,
  htmlEntities: false,
});

const text = (value: unknown): string =>
  typeof value === "string"
    ? value
    : value && typeof value === "object" && "#text" in value
      ? String(value["#text"])
      : "";

/** Parses a feed with both parsers; throws if either refuses it. */
export async function readFeed(xml: string): Promise<ReadFeed> {
  const parsed = await new Parser<Record<string, string>, Record<string, string>>({
    customFields: { item: ["dc:creator", "description"] },
  }).parseString(xml);
  const raw = fastXml.parse(xml) as {
    rss: { channel: Record<string, unknown> & { item?: Record<string, unknown>[] } };
  };
  return {
    title: parsed.title ?? "",
    rssParser: parsed.items.map((item) => ({
      title: item.title ?? "",
      description: item["description"] ?? "",
      creator: item["dc:creator"] ?? item.creator ?? "",
      categories: item.categories ?? [],
      content: item["content:encoded"] ?? "",
      link: item.link ?? "",
      pubDate: item.pubDate ?? "",
    })),
    fastXml: (raw.rss.channel.item ?? []).map((item) => ({
      title: text(item["title"]),
      description: text(item["description"]),
      creator: text(item["dc:creator"]),
      categories: ((item["category"] ?? []) as unknown[]).map(text),
      content: text(item["content:encoded"]),
      link: text(item["link"]),
      pubDate: text(item["pubDate"]),
    })),
  };
}

const RUNNABLE = new Set(["script", "style", "svg", "math", "iframe", "object", "embed", "form", "template", "link"]);

/**
 * What in `html` a browser would make live: for a text field (title, description, creator,
 * category) any element at all; for content, elements that run or embed, event handlers and
 * script URLs. Empty when the field is safe to show as HTML.
 */
export function liveMarkup(html: string, kind: "text" | "content"): string[] {
  return htmlElements(html).flatMap((element) => {
    const found: string[] = [];
    if (kind === "text" || RUNNABLE.has(element.tagName.toLowerCase()))
      found.push(`<${element.tagName.toLowerCase()}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${element.tagName.toLowerCase()}[${name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(String(value)))
        found.push(`${element.tagName.toLowerCase()}[${name}=${String(value)}]`);
    }
    return found;
  });
}

/** Every live thing in one item, field by field, as both parsers read it. */
export function liveMarkupIn(feed: ReadFeed): string[] {
  return [
    ...feed.rssParser.map((item) => ["rss-parser", item] as const),
    ...feed.fastXml.map((item) => ["fast-xml-parser", item] as const),
  ].flatMap(([parser, item]) => [
    ...[item.title, item.description, item.creator, ...item.categories].flatMap((field) =>
      liveMarkup(field, "text").map((live) => `${parser}: ${item.link}: ${live} in "${field}"`),
    ),
    ...liveMarkup(item.content, "content").map((live) => `${parser}: ${item.link}: ${live} in content:encoded`),
  ]);
}

/** What a reader shows of a text field: the HTML decoded to its text. */
export function shownText(html: string): string {
  return htmlText(html);
}
