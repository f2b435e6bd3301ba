import { satteri, createSatteriMarkdownProcessor } from "@astrojs/markdown-satteri";
import type { AstroConfig, ContentEntryType } from "astro";
import type { Loader, LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { findLiveContent } from "../../src/markdown/liveContent.ts";
import { bodyKeepingLines, mdxRenderedAtSync, storyRenderer } from "../../src/markdown/mdxStories.ts";
import { satteriOptions } from "../../src/markdown/options.ts";
import { duration } from "../../src/markdown/vocabularyPlugin.ts";

const frontmatter = "---\nperson: jane-doe\n---\n\n"; // the body starts on line 5
const said = "## What do you do?\n\nI lead without managing, and I still write code at night.\n\n";

const config = { markdown: { processor: satteri(satteriOptions()) }, image: {} } as unknown as AstroConfig;
const renderMdx = storyRenderer(config);
const file = `${process.cwd()}/content/stories/jane-doe.mdx`;
const html = (body: string) => renderMdx(bodyKeepingLines(frontmatter + body), {}, file).html;

describe("the editorial vocabulary in a .mdx story", () => {
  it("lets every vocabulary element through with plain-string attributes and no import line", () => {
    const body = [
      said,
      '<Aside title="Talks from Jane Doe">\n\n- [Scaling](https://example.com/talk)\n\n</Aside>',
      "<PullQuote>I lead without managing</PullQuote>",
      '<Figure src="./jane-doe-team.jpg" alt="Five people at a whiteboard" caption="The team in 2021" />',
      '<Turn speaker="Jane Doe" role="guest" time="12:34">\n\nHello.\n\n</Turn>',
      '<Break label="Sponsor break" />',
      "<Break />",
    ].join("\n\n");
    expect(findLiveContent(frontmatter + body, "mdx")).toEqual([]);
  });

  it.each([
    ["an import line", 'import Aside from "./Evil.astro"\n\n<Aside title="x">y</Aside>', 5, /import\/export line/],
    ["an expression inside an Aside", '<Aside title="x">\n\n{globalThis.secret}\n\n</Aside>', 7, /MDX expression/],
    [
      "an event handler on an Aside",
      '<Aside title="x" onClick="steal()">y</Aside>',
      5,
      /<Aside> has an event handler \(onClick\)/,
    ],
    ["a lower-case handler", '<Break label="x" onmouseover="y" />', 5, /event handler \(onmouseover\)/],
    [
      "an expression attribute",
      "<Aside title={secret}>y</Aside>",
      5,
      /"title" must be text in quotes.*not a \{…\} expression/,
    ],
    ["a bare attribute", "<Aside title>y</Aside>", 5, /"title" must be text in quotes/],
    ["a spread", "<Aside {...props}>y</Aside>", 5, /spread/],
    [
      "an unknown attribute",
      '<Aside title="x" style="color:red">y</Aside>',
      5,
      /no "style" attribute \(it takes "title"\)/,
    ],
    ["a missing title", "<Aside>y</Aside>", 5, /<Aside> needs title="…"/],
    ["an empty title", '<Aside title=" ">y</Aside>', 5, /"title" is empty/],
    ["an element inside a sentence", "Words <PullQuote>Words</PullQuote> here.", 5, /must stand on lines of its own/],
    ["another component", '<Aside title="x">\n\n<Tracker />\n\n</Aside>', 7, /<Tracker> is an HTML\/JSX element/],
    [
      "HTML inside an Aside",
      '<Aside title="x">\n\n<img src="x" onerror="y" />\n\n</Aside>',
      7,
      /<img> is an HTML\/JSX element/,
    ],
    [
      "a remote figure",
      '<Figure src="https://evil.example/x.png" alt="a" caption="c" />',
      5,
      /is not an image file kept beside/,
    ],
    [
      "a figure outside the folder",
      '<Figure src="../../secrets.png" alt="a" caption="c" />',
      5,
      /is not an image file/,
    ],
    ["a figure without alt text", '<Figure src="./a.png" caption="c" />', 5, /<Figure> needs alt="…"/],
    ["a figure with words inside", '<Figure src="./a.png" alt="a" caption="c">x</Figure>', 5, /holds no text/],
    ["an unknown role", '<Turn speaker="J" role="admin">x</Turn>', 5, /role="admin" is not "guest" or "host"/],
    ["a bad time", '<Turn speaker="J" time="noon">x</Turn>', 5, /time="noon" is not a time/],
    ["an empty pull quote", "<PullQuote></PullQuote>", 5, /<PullQuote> is empty/],
  ])("refuses %s at its file line", (_name, body, line, message) => {
    const findings = findLiveContent(frontmatter + body, "mdx");
    expect(findings[0], JSON.stringify(findings)).toMatchObject({
      line,
      message: expect.stringMatching(message) as string,
    });
    expect(findings[0]?.hint).toBeTruthy();
  });

  it("refuses a pull quote whose words the story does not say, and accepts one that repeats them", () => {
    const invented = findLiveContent(`${frontmatter}${said}<PullQuote>I never write code</PullQuote>`, "mdx");
    expect(invented).toEqual([
      expect.objectContaining({
        line: 9,
        message: expect.stringMatching(/says "i never write code", which the story does not say/) as string,
      }),
    ]);
    const quoted = [
      "<PullQuote>I lead without managing</PullQuote>",
      // Case, punctuation and a marked cut do not make a quote new words.
      "<PullQuote>\n\n“i lead without managing … I still WRITE code at night!”\n\n</PullQuote>",
    ];
    for (const quote of quoted) expect(findLiveContent(`${frontmatter}${said}${quote}`, "mdx"), quote).toEqual([]);
    // A quote cannot vouch for itself: the words must be in the story outside every pull quote.
    const twice = "<PullQuote>Only here</PullQuote>\n\n<PullQuote>Only here</PullQuote>";
    expect(findLiveContent(`${frontmatter}${said}${twice}`, "mdx")).toHaveLength(2);
    // Half a word is not a quote.
    expect(findLiveContent(`${frontmatter}${said}<PullQuote>lead with</PullQuote>`, "mdx")).toHaveLength(1);
  });

  it("keeps the vocabulary's names out of .md stories, where a tag is raw HTML", () => {
    expect(findLiveContent(`${frontmatter}<Aside title="x">y</Aside>`, "md")[0]?.message).toMatch(/^raw HTML/);
  });
});

describe("rendering a .mdx story at content sync", () => {
  it("turns each vocabulary element into plain, labelled HTML", () => {
    const out = html(
      [
        said,
        '<Aside title="Talks from Jane Doe">\n\n- [Scaling](https://example.com/talk)\n\n</Aside>',
        "<PullQuote>I lead without managing</PullQuote>",
        '<Turn speaker="Jane Doe" role="guest" time="1:02:03">\n\nHello.\n\n</Turn>',
        '<Break label="Sponsor break" />',
      ].join("\n\n"),
    );
    expect(out).toContain(
      '<aside class="story-aside" aria-labelledby="aside-talks-from-jane-doe">\n<h3 id="aside-talks-from-jane-doe" class="story-aside__title">Talks from Jane Doe</h3>',
    );
    // The aside's title is a heading for search and screen readers, but not a question with a permalink.
    expect(out).not.toContain('href="#aside-talks-from-jane-doe"');
    expect(out).toContain('<li><a href="https://example.com/talk" rel="noopener noreferrer">Scaling</a></li>');
    expect(out).toContain(
      '<figure class="pull-quote" data-pagefind-ignore="">\n<blockquote>\n<p>I lead without managing</p>',
    );
    expect(out).toContain(
      '<div class="turn turn--guest">\n<p class="turn__who"><strong class="turn__speaker">Jane Doe</strong> <time datetime="PT1H2M3S">1:02:03</time></p>\n<p>Hello.</p>\n</div>',
    );
    expect(out).toContain('<p class="story-break" data-pagefind-ignore="">Sponsor break</p>');
    expect(out).not.toMatch(/<h[1-6][^>]*>Sponsor break/);
  });

  it("hands a figure's image to Astro's image pipeline, with its alt text and caption", () => {
    const rendered = renderMdx(
      bodyKeepingLines(`${frontmatter}<Figure src="./team.jpg" alt="Five people" caption="The team, 2021" />`),
      {},
      file,
    );
    expect(rendered.html).toMatch(
      /<figure class="story-figure">\n<img __ASTRO_IMAGE_="[^"]*team\.jpg[^"]*">\n<figcaption>The team, 2021<\/figcaption>/,
    );
    expect(rendered.metadata.imagePaths).toEqual(["./team.jpg"]);
  });

  it("renders a story with no vocabulary exactly as the .md renderer does: HTML, headings, reading time", async () => {
    const body = `${said}- a list [link](https://example.com/)\n- www.example.com stays text\n\n### A sub-heading\n\nMore words.\n`;
    const markdown = await createSatteriMarkdownProcessor(satteriOptions());
    const md = await markdown.render(body, { frontmatter: {}, fileURL: new URL(`file://${file.replace(/x$/, "")}`) });
    const mdx = renderMdx(body, {}, file);
    expect(mdx.html).toBe(md.code);
    expect(mdx.metadata.headings).toEqual(md.metadata.headings);
    expect(mdx.metadata.frontmatter).toEqual(md.metadata.frontmatter);
  });

  it("blanks the frontmatter but keeps its lines, so errors name file lines", () => {
    expect(bodyKeepingLines("---\na: 1\nb: 2\n---\n\nText")).toBe("\n\n\n\n\nText");
    expect(bodyKeepingLines("No frontmatter")).toBe("No frontmatter");
  });

  it("writes a turn's time as an HTML duration", () => {
    expect(duration("12:34")).toBe("PT12M34S");
    expect(duration("1:02:03")).toBe("PT1H2M3S");
  });
});

describe("mdxRenderedAtSync", () => {
  /** A loader that does what Astro's glob loader does with one story: read its info, render it, log a failure. */
  const oneStory = (contents: string, filePath: string): Loader => ({
    name: "one-story",
    load: async (context) => {
      const types = (context as LoaderContext & { entryTypes: Map<string, ContentEntryType> }).entryTypes;
      const type = types.get(".mdx")!;
      const info = await type.getEntryInfo({ contents, fileUrl: new URL(`file://${filePath}`) });
      const render = await type.getRenderFunction!(config);
      const rendered = await render({ id: "jane-doe", data: info.data, body: info.body, filePath, digest: "d" }).catch(
        () => undefined,
      );
      context.store.set({ id: "jane-doe", data: info.data, ...(rendered ? { rendered } : {}) });
    },
  });
  const context = (stored: unknown[]) =>
    ({
      config,
      logger: { warn: () => undefined },
      store: { set: (entry: unknown) => stored.push(entry) },
      entryTypes: new Map([[".md", { extensions: [".md"], getEntryInfo: () => ({ data: { person: "jane-doe" } }) }]]),
    }) as unknown as LoaderContext;

  it("stores a .mdx story's HTML like a .md story's, with the frontmatter's lines kept", async () => {
    const stored: { rendered?: { html: string } }[] = [];
    const source = `${frontmatter}${said}<Aside title="Talks">\n\n- one\n\n</Aside>\n`;
    await mdxRenderedAtSync(oneStory(source, file)).load(context(stored));
    expect(stored[0]?.rendered?.html).toContain('<aside class="story-aside"');
  });

  it("fails the sync naming the file, line and column, where Astro's loader would only log", async () => {
    const source = `${frontmatter}${said}<Aside title="Talks" onClick="steal()">\n\n- one\n\n</Aside>\n`;
    await expect(mdxRenderedAtSync(oneStory(source, file)).load(context([]))).rejects.toThrow(
      /content\/stories\/jane-doe\.mdx:9:1: <Aside> has an event handler \(onClick\)/,
    );
  });
});
