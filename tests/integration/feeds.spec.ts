import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { HTMLElement } from "node-html-parser";
import Parser from "rss-parser";
import { expect, test } from "@playwright/test";
import { FEED_WINDOW } from "../../src/lib/feedCatalog.ts";
import { slugify } from "../../src/lib/slug.ts";
import { fixture, fixtureOrigin } from "../support/fixtureSite.ts";
import { xmlChecker } from "../support/xmlChecker.ts";
import {
  addedDate,
  addedFirst,
  ATTACK,
  readPeople,
  readStories,
  XML_FORBIDDEN,
  type SourceStory,
} from "../support/feedFixture.ts";
import { liveMarkupIn, readFeed, shownText } from "../support/feedReading.ts";
import { OLD_INTERVIEW } from "../support/fixtureSite.ts";
import {
  htmlElements,
  parseHtml,
  htmlText,
  normalizeSpace,
  plainParagraphs,
  sourceHeadings,
  sourceListItemCount,
  visibleText,
} from "../support/storySource.ts";

// The fixture is built under a sub-path on purpose: every URL in a feed must carry the base.
const ORIGIN = fixtureOrigin;
const out = fixture.site;

interface BuiltFeed {
  path: string;
  xml: string;
  raw: { rss: { channel: Record<string, unknown> & { item?: unknown } } };
  feed: Parser.Output<Record<string, string>>;
}

let stories: SourceStory[] = [];
let people = new Map<string, string>();
const feeds = new Map<string, BuiltFeed>();

const storyUrl = (id: string) => `${ORIGIN}stories/${id}/`;
const byUrl = () => new Map(stories.map((s) => [storyUrl(s.id), s]));

async function filesNamed(dir: string, test: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && test(e.name))
    .map((e) => relative(out, join(e.parentPath, e.name)).split(sep).join("/"));
}

test.beforeAll(async () => {
  const root = fixture.content;
  stories = await readStories(root);
  people = await readPeople(root);
  const xmlParser = new XMLParser({ ignoreAttributes: false });
  for (const path of await filesNamed(out, (name) => name === "rss.xml")) {
    const xml = await readFile(join(out, path), "utf8");
    feeds.set(path, { path, xml, raw: xmlParser.parse(xml) as BuiltFeed["raw"], feed: { items: [] } });
  }
  const rss = new Parser<Record<string, string>, Record<string, string>>();
  for (const built of feeds.values()) built.feed = await rss.parseString(built.xml).catch(() => ({ items: [] }));
});

function feedAt(path: string): BuiltFeed {
  const built = feeds.get(path);
  if (!built) throw new Error(`no feed was built at ${path}; built: ${[...feeds.keys()].join(", ")}`);
  return built;
}
const links = (path: string) => feedAt(path).feed.items.map((item) => item.link);
const expectedLinks = (list: SourceStory[]) =>
  addedFirst(list)
    .slice(0, FEED_WINDOW)
    .map((s) => storyUrl(s.id));

test.describe("built feeds (fixture archive under /archive/)", () => {
  test("builds one feed for the site, each company and each person", () => {
    const companies = new Set(stories.map((s) => slugify(s.data.company)));
    const expected = [
      "rss.xml",
      ...[...companies].map((c) => `companies/${c}/rss.xml`),
      ...[...people.keys()].map((p) => `people/${p}/rss.xml`),
    ];
    expect([...feeds.keys()].sort()).toEqual(expected.sort());
  });

  test("every feed is well-formed XML that a feed parser reads, with no XML-forbidden characters", async () => {
    const rss = new Parser();
    const checker = await xmlChecker();
    try {
      for (const { path, xml } of feeds.values()) {
        expect(await checker.problem(xml), path).toBeUndefined();
        await expect(rss.parseString(xml), path).resolves.toBeDefined();
        for (const char of XML_FORBIDDEN)
          expect(xml.includes(char), `${path} contains U+${char.codePointAt(0)?.toString(16)}`).toBe(false);
      }
    } finally {
      await checker.close();
    }
  });

  test("the site feed carries the newest stories of the whole archive, newest first, bounded by the window", () => {
    expect(stories.length).toBeGreaterThan(FEED_WINDOW);
    expect(links("rss.xml")).toEqual(expectedLinks(stories));
  });

  test("each company feed carries exactly that company's newest stories", () => {
    for (const slug of new Set(stories.map((s) => slugify(s.data.company)))) {
      expect(links(`companies/${slug}/rss.xml`), slug).toEqual(
        expectedLinks(stories.filter((s) => slugify(s.data.company) === slug)),
      );
    }
  });

  test("each person feed carries exactly that person's newest stories (an empty, valid feed for none)", () => {
    for (const id of people.keys()) {
      expect(links(`people/${id}/rss.xml`), id).toEqual(expectedLinks(stories.filter((s) => s.data.person === id)));
    }
    expect(links("people/no-stories-yet/rss.xml")).toEqual([]);
  });

  test("each channel names itself: atom:link self, link, language, image and last build date", async () => {
    for (const { path, raw, feed } of feeds.values()) {
      const channel = raw.rss.channel;
      const self = channel["atom:link"] as Record<string, string>;
      expect(self, path).toMatchObject({
        "@_href": `${ORIGIN}${path}`,
        "@_rel": "self",
        "@_type": "application/rss+xml",
      });
      expect(feed.link, path).toBe(`${ORIGIN}${path.replace(/rss\.xml$/, "")}`);
      expect(channel["language"], path).toBe("en");
      expect(feed.image, path).toMatchObject({ title: feed.title, link: feed.link });
      const items = feed.items;
      if (items.length > 0) {
        expect(new Date(String(channel["lastBuildDate"])).toISOString(), path).toBe(items[0]?.isoDate);
      }
    }
    const image = feedAt("rss.xml").feed.image?.url ?? "";
    expect(image.startsWith(ORIGIN)).toBe(true);
    const png = await readFile(join(out, image.slice(ORIGIN.length)));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  test("every item has the story's title, summary, person, categories, date and a unique permalink guid", () => {
    const sources = byUrl();
    for (const { path, raw, feed } of feeds.values()) {
      const rawItems = [raw.rss.channel.item ?? []].flat() as Record<string, unknown>[];
      expect(new Set(feed.items.map((i) => i.guid)).size, `${path}: guids unique`).toBe(feed.items.length);
      feed.items.forEach((item, index) => {
        const story = sources.get(item.link ?? "");
        if (!story) throw new Error(`${path}: item ${item.link} is no story`);
        const name = people.get(story.data.person) ?? "";
        const where = `${path} ${story.id}`;
        const year = story.data.recorded.slice(0, 4);
        // Text fields carry HTML-escaped text: what a reader shows is the text itself.
        expect(shownText(item.title ?? ""), where).toBe(
          normalizeSpace(`${name} — ${story.data.role} at ${story.data.company} (${year})`),
        );
        // rss-parser reads <description> as `content`
        expect(shownText(item.content ?? ""), where).toBe(normalizeSpace(`Recorded in ${year}. ${story.data.summary}`));
        expect(shownText(item.creator ?? ""), where).toBe(normalizeSpace(name));
        expect(item.categories?.map(shownText), where).toEqual(
          [...new Set([story.data.company, ...(story.data.topics ?? [])])].map(normalizeSpace),
        );
        expect(item.isoDate, where).toBe(addedDate(story).toISOString());
        expect(item.guid, where).toBe(item.link);
        expect((rawItems[index]?.["guid"] as Record<string, string>)["@_isPermaLink"], where).toBe("true");
      });
    }
  });
});

test.describe("what a feed reader decodes", () => {
  test("nothing in any feed decodes to live markup, read by rss-parser and by fast-xml-parser", async () => {
    let hostileItems = 0;
    for (const { path, xml } of feeds.values()) {
      const read = await readFeed(xml);
      expect(liveMarkupIn(read), path).toEqual([]);
      expect(
        read.fastXml.map((i) => i.link),
        path,
      ).toEqual(read.rssParser.map((i) => i.link));
      for (const item of read.rssParser.filter((i) => i.link === storyUrl("hostile-story"))) {
        hostileItems++;
        // The attack is still there, as text a reader shows.
        for (const field of [item.title, item.description, item.creator, item.categories[0] ?? ""])
          expect(shownText(field), path).toContain(ATTACK);
      }
    }
    // The site feed, its company's and its person's.
    expect(hostileItems).toBe(3);
  });

  test("a transcript recorded in 2015 and imported today is the first item of /rss.xml, dated today", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [first] = (await readFeed(feedAt("rss.xml").xml)).rssParser;
    expect(first?.link).toBe(storyUrl(OLD_INTERVIEW.slug));
    expect(new Date(first?.pubDate ?? "").toISOString().slice(0, 10)).toBe(today);
    expect(first?.title).toBe(`${OLD_INTERVIEW.name} — ${OLD_INTERVIEW.roleLine} (2015)`);
    expect(first?.description).toMatch(/^Recorded in 2015\. /);
    // The channel is as new as its newest item.
    const channel = feedAt("rss.xml").raw.rss.channel;
    expect(new Date(String(channel["lastBuildDate"])).toISOString().slice(0, 10)).toBe(today);
  });
});

test.describe("full text in content:encoded", () => {
  const allItems = () => {
    const seen = new Map<string, Record<string, string>>();
    for (const { feed } of feeds.values()) for (const item of feed.items) seen.set(item.link ?? "", item);
    return [...seen.values()];
  };

  test("carries every known sentence, heading and list item of every story in a window", () => {
    const sources = byUrl();
    for (const item of allItems()) {
      const story = sources.get(item.link ?? "");
      if (!story) throw new Error(`${item.link} is no story`);
      const html = item["content:encoded"] ?? "";
      const text = htmlText(html);
      const sentences = plainParagraphs(story.body);
      expect(sentences.length, `${story.id} has known sentences to look for`).toBeGreaterThan(0);
      for (const sentence of sentences) expect(text, story.id).toContain(withoutXmlForbidden(sentence));
      const headings = htmlElements(html)
        .filter((e) => /^h[23]$/.test(e.localName))
        .map(visibleText);
      const notes = story.data.editorialNotes ?? [];
      expect(headings, story.id).toEqual([...sourceHeadings(story.body), ...(notes.length ? ["Editorial notes"] : [])]);
      const listItems = htmlElements(html).filter((e) => e.localName === "li").length;
      expect(listItems, story.id).toBe(sourceListItemCount(story.body) + notes.length);
    }
  });

  test("holds every word of the story page's transcript", async () => {
    for (const item of allItems()) {
      const path = (item.link ?? "").slice(ORIGIN.length);
      const page = parseHtml(await readFile(join(out, path, "index.html"), "utf8"));
      const transcript = page.querySelector(".transcript");
      if (!transcript) throw new Error(`${path}: no .transcript on the story page`);
      // What the page keeps out of its searchable text: furniture (the way back to the questions) and
      // the vocabulary's repeats and markers (a pull quote repeats the story; a break is a quiet label).
      // The feed carries those two as plain HTML, so they are taken out of it by their text.
      const ignored = transcript.querySelectorAll("[data-pagefind-ignore]");
      const repeats = new Set(ignored.map((element) => visibleText(element)));
      for (const furniture of ignored) furniture.remove();
      const pageText = visibleText(transcript);
      expect(pageText.length, path).toBeGreaterThan(0);
      const feed = parseHtml(item["content:encoded"] ?? "");
      for (const element of feed.querySelectorAll("figure, p")) if (repeats.has(visibleText(element))) element.remove();
      expect(htmlText(feed.toString()), path).toContain(withoutXmlForbidden(pageText));
    }
  });

  test("has no script, style, embed, event handler or aria attribute, and only absolute http(s)/mailto links", () => {
    for (const item of allItems()) {
      const elements = htmlElements(item["content:encoded"] ?? "");
      for (const element of elements) {
        const where = `${item.link} <${element.localName}>`;
        expect(["script", "style", "iframe", "object", "embed", "form", "svg"], where).not.toContain(element.localName);
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name.toLowerCase().startsWith("on"), `${where} ${name}`).toBe(false);
          // The W3C feed validator warns on style and aria-* attributes in content.
          expect(/^(style|aria)/i.test(name), `${where} ${name}`).toBe(false);
          if (["href", "src", "cite", "srcset", "action", "formaction"].includes(name.toLowerCase())) {
            expect(value, `${where} ${name}`).toMatch(/^(https?:\/\/[^/]|mailto:)/);
          }
        }
      }
      // Question permalinks point at the question on the story page, base path included.
      const anchors = elements
        .filter((e) => /^h[23]$/.test(e.localName))
        .flatMap((h) => h.childNodes)
        .filter((c): c is HTMLElement => c instanceof HTMLElement && c.localName === "a");
      for (const anchor of anchors)
        expect(anchor.getAttribute("href")).toMatch(new RegExp(`^${escapeRegExp(item.link ?? "")}#[a-z0-9-]+$`));
    }
  });

  test("keeps a hostile story's text exactly, as text", () => {
    const item = allItems().find((i) => i.link === storyUrl("hostile-story"));
    const text = htmlText(item?.["content:encoded"] ?? "");
    expect(text).toContain(`Is 1 < 2 && {x} ]]> safe?`);
    expect(text).toContain(
      `Angle <script>alert("x")</script> and braces {props.secret} and & and <b> and ]]> and <![CDATA[ nested ]]> end.`,
    );
    expect(text).toContain(`a quoted <a href="javascript:alert(1)" onclick="alert(2)">javascript link</a>.`);
    expect(text).toContain(
      `Quoted markup stays text: <img src="/x.png" onerror="alert(3)" /> <style>body{display:none}</style>`,
    );
  });
});

test.describe("the editorial vocabulary in a built .mdx story", () => {
  const feedItem = () => {
    const item = [...feeds.values()]
      .flatMap(({ feed }) => feed.items)
      .find((i) => i.link === storyUrl("editorial-story"));
    if (!item) throw new Error("editorial-story is in no feed");
    return parseHtml(item["content:encoded"] ?? "");
  };
  const page = async () => parseHtml(await readFile(join(out, "stories/editorial-story/index.html"), "utf8"));
  const texts = (elements: HTMLElement[]) => elements.map((e) => visibleText(e));

  test("shows the side box as a labelled aside and the pull quote as a figure with a blockquote, on the page", async () => {
    const root = await page();
    const aside = root.querySelector("aside.story-aside");
    expect(aside, "an <aside class=story-aside>").not.toBeNull();
    const title = aside!.querySelector("h3");
    expect(visibleText(title!)).toBe("Talks from Edie Torres");
    expect(aside!.getAttribute("aria-labelledby")).toBe(title!.getAttribute("id"));
    expect(aside!.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org/talks/unowned",
      "https://example.org/talks/writing",
    ]);
    expect(texts(root.querySelectorAll("figure.pull-quote blockquote"))).toEqual([
      "I pick the problem nobody owns yet",
    ]);
    const turns = root.querySelectorAll(".turn");
    expect(turns.map((t) => t.getAttribute("class"))).toEqual(["turn turn--host", "turn turn--guest"]);
    expect(texts(turns[1]!.querySelectorAll("strong"))).toEqual(["Edie Torres"]);
    expect(turns[1]!.querySelectorAll("time").map((t) => t.getAttribute("datetime"))).toEqual(["PT12M40S"]);
    const pause = root.querySelector(".story-break");
    expect(pause?.localName).toBe("p");
    expect(visibleText(pause!)).toBe("Sponsor break");
  });

  test("carries the aside and the pull quote in the feed item as plain HTML", () => {
    const root = feedItem();
    expect(texts(root.querySelectorAll("aside h3"))).toEqual(["Talks from Edie Torres"]);
    expect(root.querySelectorAll("aside li")).toHaveLength(2);
    expect(texts(root.querySelectorAll("figure blockquote"))).toEqual(["I pick the problem nobody owns yet"]);
    expect(texts(root.querySelectorAll("strong"))).toEqual(["Sam Host", "Edie Torres"]);
    // Plain HTML: the site's classes and labels stay on the site.
    expect(root.querySelectorAll("[class]")).toEqual([]);
  });
});

test.describe("autodiscovery and /subscribe/", () => {
  test("every page announces the site feed; company and person pages also their own", async () => {
    const pages = await filesNamed(out, (name) => name.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(stories.length);
    for (const page of pages) {
      const alternates = htmlElements(await readFile(join(out, page), "utf8"))
        .filter(
          (e) =>
            e.localName === "link" &&
            e.getAttribute("rel") === "alternate" &&
            e.getAttribute("type") === "application/rss+xml",
        )
        .map((e) => e.getAttribute("href") ?? "");
      expect(alternates, page).toContain(`${ORIGIN}rss.xml`);
      const own = /^((?:companies|people)\/[^/]+\/)index\.html$/.exec(page)?.[1];
      if (own) expect(alternates, page).toContain(`${ORIGIN}${own}rss.xml`);
    }
  });
});

/** What a feed can carry of a text: XML 1.0 has no way to write these characters at all. */
function withoutXmlForbidden(text: string): string {
  return normalizeSpace(text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ""));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
