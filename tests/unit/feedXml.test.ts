import { XMLParser } from "fast-xml-parser";
import { getRssString } from "@astrojs/rss";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyFeed, FEED_WINDOW, personFeed, siteFeed } from "../../src/lib/feedCatalog.ts";
import {
  escapeXml,
  feedWindow,
  feedXml,
  rssOptions,
  xmlSafe,
  type FeedChannel,
  type FeedStory,
} from "../../src/lib/feedXml.ts";
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
    date: new Date(Date.UTC(2020, 0, 1 + n)),
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
  it("keeps the newest FEED_WINDOW stories, newest first", () => {
    const count = FEED_WINDOW + 11;
    // 37 is coprime with the count, so this visits every story once, out of date order.
    const shuffled = Array.from({ length: count }, (_, n) => story((n * 37) % count));
    const window = feedWindow(shuffled);
    expect(window).toHaveLength(FEED_WINDOW);
    expect(window.map((s) => s.url)).toEqual(Array.from({ length: FEED_WINDOW }, (_, n) => story(count - 1 - n).url));
  });
  it("keeps everything when there are fewer stories than the window", () => {
    expect(feedWindow([story(1), story(2)]).map((s) => s.url)).toEqual([story(2).url, story(1).url]);
  });
});

describe("feedXml", () => {
  it("writes a well-formed feed whose every field reads back exactly, however hostile the text", async () => {
    const item = story(1, {
      title: hostile,
      personName: hostile,
      company: hostile,
      topics: [hostile, "Plain"],
      summary: hostile,
      contentHtml: `<p>${hostile.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
    });
    const feed = { ...channel, feed: companyFeed({ name: hostile, slug: "acme" }) };
    const doc = await feedXml(feed, [item]);
    expect(await xml.problem(doc)).toBeUndefined();
    const parsed = await new Parser().parseString(doc);
    const safe = xmlSafe(hostile);
    expect(parsed.title).toBe(xmlSafe(feed.feed.title));
    expect(parsed.image?.title).toBe(parsed.title);
    const [read] = parsed.items;
    expect(read?.title).toBe(safe);
    expect(read?.creator).toBe(safe);
    expect(read?.content).toBe(safe);
    expect(read?.categories).toEqual([safe, "Plain"]);
    expect(read?.["content:encoded"]).toContain(safe.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
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
    expect(raw.rss.channel.lastBuildDate).toBe(story(7).date.toUTCString());
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

  it("writes exactly the bytes @astrojs/rss writes when it escapes the content itself", async () => {
    // The contents are spliced in after @astrojs/rss has written the rest; this is the proof
    // that the splice changes nothing, with every character class its escaping treats.
    const stories = [
      story(1, { contentHtml: `<p title="a 'b' &amp; c">${hostile}</p>\r\n<hr>` }),
      story(2, { contentHtml: "" }),
      story(3, { title: "<content:encoded>feed-content-x-0</content:encoded>", contentHtml: "feed-content-x-0 ]]>" }),
      story(4, { contentHtml: "\u0000" }),
      story(5, { summary: hostile, personName: hostile, contentHtml: "<p>&lt;script&gt; \uD800 😀 \uFFFE</p>" }),
    ];
    for (const window of [stories, stories.slice(1, 2), []]) {
      const direct = await getRssString(
        rssOptions(
          channel,
          window,
          window.map((s) => xmlSafe(s.contentHtml)),
        ),
      );
      expect(await feedXml(channel, window)).toBe(direct);
    }
  });
});
