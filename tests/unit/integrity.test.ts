import { describe, expect, it } from "vitest";
import { checkSite, type SiteCheckReport } from "../../tools/integrity/checkSite.ts";
import { cspHash } from "../../tools/integrity/csp.ts";
import { fixtureOrigin, goodSite, page, pagefindFragment, removeSite, writeSite } from "../support/siteFixture.ts";

const janeStory = { id: "jane-doe", file: "/content/stories/jane-doe.mdx", person: "jane-doe" };

/** Checks goodSite() with some files replaced (null removes one). */
async function check(
  changes: Record<string, string | Buffer | null> = {},
  options: { base?: string; stories?: (typeof janeStory)[]; feedWindow?: number } = {},
): Promise<SiteCheckReport> {
  const base = options.base ?? "/";
  const dir = writeSite({ ...goodSite(base), ...changes });
  try {
    return await checkSite({
      dir,
      base,
      site: fixtureOrigin,
      stories: options.stories ?? [janeStory],
      ...(options.feedWindow ? { feedWindow: options.feedWindow } : {}),
    });
  } finally {
    removeSite(dir);
  }
}

describe("integrity check", () => {
  it("passes a correct site, at the root and under a base path, and counts what it checked", async () => {
    for (const base of ["/", "/archive/"]) {
      const report = await check({}, { base });
      expect(report.problems, base).toEqual([]);
      // Anchors: the skip link on each of the 4 pages, and two links to #why.
      expect(report.stats).toMatchObject({
        pages: 4,
        stories: 1,
        searchIndexed: 1,
        feedItems: 1,
        anchors: 6,
        external: 1,
      });
    }
  });

  it("names a link to a page that was not built, and the page it is on", async () => {
    const { problems } = await check({ "index.html": page('<a href="/nowhere/">x</a>') });
    expect(problems).toEqual([
      '<a href="/nowhere/"> goes to /nowhere/, which is not in the built site (on index.html)',
    ]);
  });

  it("finds a missing #anchor on another page and on the same page", async () => {
    const { problems } = await check({
      "index.html": page('<a href="/stories/jane-doe/#who">x</a><a href="#gone">y</a>'),
    });
    expect(problems).toEqual([
      '<a href="/stories/jane-doe/#who"> points at #who, but /stories/jane-doe/ has no element with that id (on index.html)',
      '<a href="#gone"> points at #gone, but / has no element with that id (on index.html)',
    ]);
  });

  it("asks for the trailing slash the site is built with", async () => {
    const { problems } = await check({ "index.html": page('<a href="/stories">x</a>') });
    expect(problems[0]).toMatch(/needs a trailing slash: \/stories\//);
  });

  it("catches a root-relative link that ignores the base path", async () => {
    const { problems } = await check({ "index.html": page('<a href="/stories/">x</a>') }, { base: "/archive/" });
    expect(problems).toEqual([
      `<a href="/stories/"> points at /stories/, outside the site's base path /archive/ (on index.html)`,
    ]);
  });

  it("treats absolute links to the site's own origin as internal", async () => {
    const { problems } = await check({ "index.html": page(`<link rel="canonical" href="${fixtureOrigin}/gone/">`) });
    expect(problems[0]).toMatch(/<link href="https:\/\/archive\.example\/gone\/"> goes to \/gone\//);
  });

  it("refuses javascript: and data: URLs anywhere", async () => {
    const { problems } = await check({
      "index.html": page('<a href=" JavaScript:alert(1)">x</a><img src="data:text/html,x" alt="">'),
    });
    expect(problems).toEqual([
      '<a href=" JavaScript:alert(1)"> uses a javascript URL, which could run code or hide content (on index.html)',
      '<img src="data:text/html,x"> uses a data URL, which could run code or hide content (on index.html)',
    ]);
  });

  it("requires rel=noopener noreferrer on links to other sites", async () => {
    const { problems } = await check({
      "index.html": page(
        '<a href="https://evil.example/">x</a><a href="https://ok.example/" rel="external noreferrer noopener">y</a>',
      ),
    });
    expect(problems).toEqual([
      '<a href="https://evil.example/"> goes to another site without rel="noopener noreferrer" (on index.html)',
    ]);
  });

  it("reports two files whose URLs differ only by case", async () => {
    const { problems } = await check({ "stories/Jane-Doe/index.html": page("copy") });
    expect(problems).toContainEqual(
      expect.stringMatching(
        /\/stories\/(jane-doe|Jane-Doe)\/ and \/stories\/(Jane-Doe|jane-doe)\/ differ only by case/,
      ),
    );
  });

  it("groups the same broken link on many pages into one line", async () => {
    const broken = page('<a href="/subscribe/">Subscribe</a><a href="/subscribe/">again</a>');
    const { problems } = await check({
      "index.html": broken,
      "stories/index.html": broken.replace("</body>", '<a href="/stories/jane-doe/">j</a></body>'),
      "people/jane-doe/index.html": broken,
      "stories/jane-doe/index.html": broken.replace("</body>", '<a href="/people/jane-doe/">p</a></body>'),
    });
    expect(problems).toEqual([
      '<a href="/subscribe/"> goes to /subscribe/, which is not in the built site (on index.html, people/jane-doe/index.html, stories/index.html and 1 more)',
    ]);
  });
});

describe("story coverage", () => {
  const bob = { id: "bob", file: "/content/stories/bob.mdx", person: "bob" };

  it("finds a story with no page, not listed, not in the sitemap, search index or feed", async () => {
    const { problems } = await check({}, { stories: [janeStory, bob] });
    expect(problems).toEqual([
      "rss.xml holds 1 story; it should hold the 2 added last",
      "/content/stories/bob.mdx has no page at /stories/bob/",
      "/content/stories/bob.mdx is not linked from any /stories/ page",
      "/content/stories/bob.mdx is not in the sitemap",
      "/content/stories/bob.mdx is not in the search index",
      "/content/stories/bob.mdx is not in rss.xml",
      '/content/stories/bob.mdx names person "bob", who has no page at /people/bob/',
    ]);
  });

  it("expects every story in the feed while they fit its window, and a full window after that", async () => {
    const twoStories = {
      "stories/index.html": page('<a href="/stories/bob/">Bob</a><a href="/stories/jane-doe/">Jane</a>'),
      "stories/bob/index.html": page('<a href="/people/bob/">Bob</a>'),
      "people/bob/index.html": page("Bob"),
      "sitemap-0.xml": `<urlset>${["", "stories/", "stories/jane-doe/", "stories/bob/", "people/jane-doe/", "people/bob/"].map((p) => `<url><loc>${fixtureOrigin}/${p}</loc></url>`).join("")}</urlset>`,
      "pagefind/fragment/en_2.pf_fragment": pagefindFragment("/stories/bob/"),
    };
    // The feed holds Jane only: a full window of one (which story was added last, the pages do not say).
    const windowOfOne = await check(twoStories, { stories: [janeStory, bob], feedWindow: 1 });
    expect(windowOfOne.problems).toEqual([]);
    const windowOfTwo = await check(twoStories, { stories: [janeStory, bob], feedWindow: 2 });
    expect(windowOfTwo.problems).toEqual([
      "rss.xml holds 1 story; it should hold the 2 added last",
      "/content/stories/bob.mdx is not in rss.xml",
    ]);
  });

  describe("across paginated /stories/ pages", () => {
    const bobPages = {
      "stories/bob/index.html": page('<a href="/people/bob/">Bob</a>'),
      "people/bob/index.html": page("Bob"),
      "sitemap-0.xml": `<urlset>${["", "stories/", "stories/page/2/", "stories/jane-doe/", "stories/bob/", "people/jane-doe/", "people/bob/"].map((p) => `<url><loc>${fixtureOrigin}/${p}</loc></url>`).join("")}</urlset>`,
      "pagefind/fragment/en_2.pf_fragment": pagefindFragment("/stories/bob/"),
    };
    const pager = '<nav><a href="/stories/">1</a><a href="/stories/page/2/">2</a></nav>';
    const options = { stories: [janeStory, bob], feedWindow: 1 };

    it("accepts a story listed on a later page", async () => {
      const split = {
        ...bobPages,
        "stories/index.html": page(`<a href="/stories/bob/">Bob</a>${pager}`),
        "stories/page/2/index.html": page(`<a href="/stories/jane-doe/">Jane</a>${pager}`),
      };
      expect((await check(split, options)).problems).toEqual([]);
      const swapped = {
        ...split,
        "stories/index.html": page(`<a href="/stories/jane-doe/">Jane</a>${pager}`),
        "stories/page/2/index.html": page(`<a href="/stories/bob/">Bob</a>${pager}`),
      };
      expect((await check(swapped, options)).problems).toEqual([]);
    });

    it("fails a story on no page (a pager link is not a story) and a story on two pages", async () => {
      const missing = {
        ...bobPages,
        "stories/index.html": page(`<a href="/stories/jane-doe/">Jane</a>${pager}`),
        "stories/page/2/index.html": page(`<main id="main"><a href="#main">top</a></main>${pager}`),
      };
      expect((await check(missing, options)).problems).toEqual([
        "/content/stories/bob.mdx is not linked from any /stories/ page",
      ]);
      const twice = {
        ...bobPages,
        "stories/index.html": page(`<a href="/stories/jane-doe/">Jane</a><a href="/stories/bob/">Bob</a>${pager}`),
        "stories/page/2/index.html": page(`<a href="/stories/bob/">Bob</a>${pager}`),
      };
      expect((await check(twice, options)).problems).toEqual([
        "/content/stories/bob.mdx is listed on more than one /stories/ page",
      ]);
    });
  });

  it("counts a story indexed in a later search shard, but only when shards.json lists that shard", async () => {
    const bobPages = {
      "stories/index.html": page('<a href="/stories/bob/">Bob</a><a href="/stories/jane-doe/">Jane</a>'),
      "stories/bob/index.html": page('<a href="/people/bob/">Bob</a>'),
      "people/bob/index.html": page("Bob"),
      "sitemap-0.xml": `<urlset>${["", "stories/", "stories/jane-doe/", "stories/bob/", "people/jane-doe/", "people/bob/"].map((p) => `<url><loc>${fixtureOrigin}/${p}</loc></url>`).join("")}</urlset>`,
      "pagefind/shard-2/pagefind-entry.json": "{}",
      "pagefind/shard-2/fragment/en_9.pf_fragment": pagefindFragment("/stories/bob/"),
    };
    const listed = await check(
      { ...bobPages, "pagefind/shards.json": '["pagefind/shard-2/"]' },
      { stories: [janeStory, bob], feedWindow: 1 },
    );
    expect(listed.problems.filter((p) => p.includes("search index"))).toEqual([]);
    const unlisted = await check(bobPages, { stories: [janeStory, bob], feedWindow: 1 });
    expect(unlisted.problems).toContain("/content/stories/bob.mdx is not in the search index");
    const dangling = await check(
      { ...bobPages, "pagefind/shards.json": '["pagefind/shard-3/"]' },
      { stories: [janeStory, bob], feedWindow: 1 },
    );
    expect(dangling.problems).toContain(
      "pagefind/shards.json lists pagefind/shard-3/, which holds no search index in the build",
    );
  });

  it("fails when the sitemap, the search index or the feed is missing", async () => {
    const missing = { "rss.xml": null, "pagefind/pagefind-entry.json": null, "sitemap-index.xml": null };
    expect((await check(missing)).problems).toEqual([
      "sitemap-index.xml is missing from the build",
      "the search index (pagefind/pagefind-entry.json) is missing from the build",
      "the feed (rss.xml) is missing from the build",
    ]);
  });

  it("reports a sitemap URL that was not built", async () => {
    const { problems } = await check({
      "sitemap-0.xml": `<urlset><url><loc>${fixtureOrigin}/stories/jane-doe/</loc></url><url><loc>${fixtureOrigin}/old/</loc></url></urlset>`,
    });
    expect(problems).toEqual(["the sitemap lists /old/, which is not in the build"]);
  });
});

describe("inline code and the CSP", () => {
  it("flags inline scripts and styles the header policy does not allow, handlers and style attributes", async () => {
    const { problems } = await check({
      "index.html": page(
        '<button onclick="go()">x</button><p style="color:red">y</p><script>alert(1)</script><style>p{}</style>',
      ),
    });
    expect(problems).toEqual([
      "<button onclick> is an inline event handler, which the policy blocks; attach it from a bundled <script> instead (on index.html)",
      '<p> has a style="" attribute, which the policy blocks; use a class in the stylesheet instead (on index.html)',
      `an inline <script> (${cspHash("alert(1)")}) is not allowed by the Content-Security-Policy in both the page and _headers; move it into a file, or add the hash to scriptSources in src/security/policy.ts (on index.html)`,
      `an inline <style> (${cspHash("p{}")}) is not allowed by the Content-Security-Policy in both the page and _headers; move it into a file, or add the hash to styleSources in src/security/policy.ts (on index.html)`,
    ]);
  });

  it("accepts an inline script whose hash both policies allow, and ignores JSON data blocks", async () => {
    const hash = cspHash("go()");
    const csp = `<meta http-equiv="content-security-policy" content="script-src 'self' ${hash}">`;
    const html = `<!doctype html><html><head>${csp}</head><body><script>go()</script><script type="application/ld+json">{"a":1}</script></body></html>`;
    const headers = `/*\n  Content-Security-Policy: script-src 'self' ${hash}; style-src 'self'\n`;
    expect((await check({ "index.html": html, _headers: headers })).problems).toEqual([]);
  });

  it("requires the CSP meta tag on every page and the _headers file in the output", async () => {
    const { problems } = await check({ "index.html": "<!doctype html><html><body>x</body></html>", _headers: null });
    expect(problems).toEqual([
      "_headers with a Content-Security-Policy for /* is missing from the build (src/integrations/securityHeaders.ts writes it)",
    ]);
    const noMeta = await check({ "index.html": "<!doctype html><html><body>x</body></html>" });
    expect(noMeta.problems).toEqual([
      "page has no Content-Security-Policy <meta> tag (BaseLayout.astro writes it) (on index.html)",
    ]);
  });
});
