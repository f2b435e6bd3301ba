import { XMLParser } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyFeed, FEED_WINDOW, personFeed, siteFeed } from "../../src/lib/feedCatalog.ts";
import {
  escapeXml,
  feedWindow,
  feedXml,
  textAsHtml,
  xmlSafe,
  type FeedChannel,
  type FeedStory,
} from "../../src/lib/feedXml.ts";
import { liveMarkupIn, readFeed, shownText } from "../support/feedReading.ts";
import { xmlChecker, type XmlChecker } from "../support/xmlChecker.ts";

let xml: XmlChecker;
beforeAll(async () => {
  xml = await xmlChecker();
});
afterAll(() => xml.close());

const hostile = `Zoë <O'Brien> & "Co" ]]> {x} \u000B\u0000 1e3 😀`;

function story(n: number, extra: Partial<FeedStory> = {}): FeedStory {
  return {
    url: `https://example.org/archive/stories/s-${n}/`,
    title: `Person ${n} — Staff Engineer at Acme`,
    personName: `Person ${n}`,
    company: "Acme",
    topics: ["Sponsorship"],
    summary: `Summary ${n}.`,
    year: "2015",
    added: new Date(Date.UTC(2020, 0, 1 + n)),
    contentHtml: `<h2>Q${n}?</h2><p>Answer ${n}.</p>`,
    ...extra,
  };
}

const channel: FeedChannel = {
  feed: siteFeed,
  selfUrl: "https://example.org/archive/rss.xml",
  pageUrl: "https://example.org/archive/",
  image: { url: "https://example.org/archive/feed-icon.png", width: 144, height: 144 },
};

describe("the XML check itself", () => {
  it("rejects what a conforming parser rejects", async () => {
    for (const bad of ["<a>]]></a>", "<a>\u000B</a>", "<a>&nbsp;</a>", "<a><x:y/></a>", "<a>1 < 2</a>"]) {
      expect(await xml.problem(bad), bad).toBeDefined();
    }
  });
});

describe("xmlSafe and escapeXml", () => {
  it("drops only the characters XML 1.0 cannot carry", () => {
    expect(xmlSafe("a\u0000b\u000Bc\u001Fd\uFFFEe\uD800f\tg\nh\ri😀")).toBe("abcdef\tg\nh\ri😀");
  });
  it("escapes with named entities that every XML parser decodes", () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe("&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
  });
});

describe("feedWindow", () => {
  const dated = (n: number, added: number, recorded = n) => ({
    id: `s-${n}`,
    added: new Date(Date.UTC(2020, 0, 1 + added)),
    date: new Date(Date.UTC(2010, 0, 1 + recorded)),
  });
  it("keeps the FEED_WINDOW stories added last, newest first", () => {
    const count = FEED_WINDOW + 11;
    // 37 is coprime with the count, so this visits every story once, out of order.
    const shuffled = Array.from({ length: count }, (_, n) => dated((n * 37) % count, (n * 37) % count));
    const window = feedWindow(shuffled);
    expect(window).toHaveLength(FEED_WINDOW);
    expect(window.map((s) => s.id)).toEqual(Array.from({ length: FEED_WINDOW }, (_, n) => `s-${count - 1 - n}`));
  });
  it("orders by the day a story was added, not when it was recorded", () => {
    const old = dated(1, 30, -3000);
    const recent = dated(2, 10, 300);
    expect(feedWindow([recent, old]).map((s) => s.id)).toEqual(["s-1", "s-2"]);
  });
  it("breaks ties on the same day by the story's own date, then by id", () => {
    expect(feedWindow([dated(1, 5, 1), dated(2, 5, 2), dated(3, 5, 2)]).map((s) => s.id)).toEqual([
      "s-2",
      "s-3",
      "s-1",
    ]);
  });
});

describe("feedXml", () => {
  it("writes a well-formed feed whose every field reads back as the text it was, never as markup", async () => {
    const attack = `<script>alert(1)</script> <svg onload=alert(1)> ${hostile}`;
    const item = story(1, {
      title: attack,
      personName: attack,
      company: attack,
      topics: [attack, "Plain"],
      summary: attack,
      contentHtml: `<p>${attack.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
    });
    const feed = { ...channel, feed: companyFeed({ name: attack, slug: "acme" }) };
    const doc = await feedXml(feed, [item]);
    expect(await xml.problem(doc)).toBeUndefined();
    const read = await readFeed(doc);
    expect(liveMarkupIn(read)).toEqual([]);
    const safe = xmlSafe(attack).replace(/\s+/g, " ").trim();
    expect(shownText(read.title)).toBe(xmlSafe(feed.feed.title).replace(/\s+/g, " ").trim());
    for (const parsed of [read.rssParser, read.fastXml]) {
      const [one] = parsed;
      expect(shownText(one?.title ?? "")).toBe(`${safe} (2015)`);
      expect(shownText(one?.description ?? "")).toBe(`Recorded in 2015. ${safe}`);
      expect(shownText(one?.creator ?? "")).toBe(safe);
      expect(one?.categories.map(shownText)).toEqual([safe, "Plain"]);
      expect(shownText(one?.content ?? "")).toBe(safe);
    }
  });

  it("says which year the interview is from and dates the item by the day it was added", async () => {
    const read = await readFeed(await feedXml(channel, [story(4)]));
    const [item] = read.rssParser;
    expect(item?.title).toBe("Person 4 — Staff Engineer at Acme (2015)");
    expect(item?.description).toBe("Recorded in 2015. Summary 4.");
    expect(item?.pubDate).toBe(story(4).added.toUTCString());
  });

  it("escapes text as HTML once, so an ampersand reads as one", () => {
    expect(textAsHtml("AT&T <b>")).toBe("AT&amp;T &lt;b&gt;");
    expect(shownText(textAsHtml("AT&T <b> &amp;"))).toBe("AT&T <b> &amp;");
  });

  it("announces itself with atom:link rel=self and dates the channel by its newest story", async () => {
    const doc = await feedXml(channel, [story(3), story(7), story(5)]);
    expect(await xml.problem(doc)).toBeUndefined();
    const raw = new XMLParser({ ignoreAttributes: false }).parse(doc) as {
      rss: { channel: Record<string, unknown> & { item: { guid: unknown }[] } } & Record<string, unknown>;
    };
    expect(raw.rss["@_xmlns:atom"]).toBe("http://www.w3.org/2005/Atom");
    expect(raw.rss["@_xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    expect(raw.rss.channel["atom:link"]).toEqual({
      "@_href": channel.selfUrl,
      "@_rel": "self",
      "@_type": "application/rss+xml",
    });
    expect(raw.rss.channel.lastBuildDate).toBe(story(7).added.toUTCString());
    expect(raw.rss.channel.link).toBe(channel.pageUrl);
    expect(raw.rss.channel.item[0]?.guid).toEqual({ "#text": story(3).url, "@_isPermaLink": "true" });
  });

  it("writes a valid empty feed (no items, no last build date) for a person with no stories yet", async () => {
    const doc = await feedXml({ ...channel, feed: personFeed({ id: "quiet", name: "Quiet" }) }, []);
    expect(await xml.problem(doc)).toBeUndefined();
    const parsed = await new Parser().parseString(doc);
    expect(parsed.items).toEqual([]);
    expect(parsed.lastBuildDate).toBeUndefined();
    expect(parsed.feedUrl).toBe(channel.selfUrl);
  });

  it("names each feed after what it follows", () => {
    expect(companyFeed({ name: "Stripe", slug: "stripe" })).toMatchObject({
      path: "companies/stripe/rss.xml",
      pagePath: "companies/stripe/",
    });
    expect(personFeed({ id: "jane", name: "Jane" })).toMatchObject({
      path: "people/jane/rss.xml",
      pagePath: "people/jane/",
    });
    expect(companyFeed({ name: "Stripe", slug: "stripe" }).title).toContain("Stripe");
  });
});
