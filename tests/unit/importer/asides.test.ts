import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findAsides, isAsideTitle } from "../../../tools/importer/structure.ts";
import { planStory } from "../../../tools/importer/planStory.ts";
import { renderBlocks } from "../../../tools/importer/renderMarkdown.ts";
import { findLiveContent } from "../../../src/markdown/liveContent.ts";
import { cleanUp, CONTENT, tempDir, writeFixture } from "./_fixtures.ts";
import { compile } from "./_compile.ts";

const scratch = tempDir();
afterAll(() => cleanUp(scratch));

describe("side boxes", () => {
  it.each([
    ["Talks from Dmitry Petrashko", true],
    ["Posts by Jane Doe:", true],
    ["Some of Dmitry’s writing", true],
    ["Some of Jane's talks:", true],
    ["Dmitry's talks", true],
    ["Some of our worst outages were caused by emergent phenomena", false],
    ["Talks from the team made the difference, and here is why that matters to me", false],
    ["What talks do you recommend?", false],
  ])("reads %j as a side box title: %s", (text, expected) => {
    expect(isAsideTitle(text)).toBe(expected);
  });

  it("keeps a title with no items after it as it was", () => {
    const blocks = [
      { type: "paragraph", line: 1, text: "Talks from Jane Doe" },
      { type: "paragraph", line: 2, text: "A long answer that mentions nothing linked at all." },
    ] as const;
    expect(findAsides(blocks)).toEqual(blocks);
  });

  it("turns a story page's reading list into an <Aside> the site renders, every line kept", () => {
    // A staffeng.com story page with the side box its page shows before the footer.
    const original = readFileSync(join(CONTENT, "sources", "dmitry-petrashko.txt"), "utf8");
    const box = [
      "Some of Dmitry’s talks:",
      "",
      "- Sorbet: a type checker for Ruby https://www.youtube.com/watch?v=uFFJyp8vXQI",
      "- Dotty and types: the story so far {slides} <2017> https://www.slideshare.net/dmitry/dotty",
      "",
    ].join("\n");
    const file = writeFixture(
      scratch,
      "dmitry-petrashko.txt",
      original.replace("Ready to read another story?", `${box}\nReady to read another story?`),
    );
    writeFixture(
      scratch,
      "dmitry-petrashko.import.yaml",
      readFileSync(join(CONTENT, "sources", "dmitry-petrashko.import.yaml")),
    );
    const plan = planStory(file, {});

    const aside = plan.blocks.find((b) => b.type === "aside");
    expect(aside).toMatchObject({ type: "aside", title: "Some of Dmitry’s talks:" });
    expect(plan.markdown).toContain('<Aside title="Some of Dmitry’s talks:">\n\n- Sorbet: a type checker for Ruby [');
    expect(plan.markdown).toContain("\\{slides\\} \\<2017\\>");
    expect(plan.roundTrip).toMatchObject({ ok: true, missing: [], unsafe: [], extra: [] });
    expect(findLiveContent(plan.markdown, "mdx")).toEqual([]);
    const { html } = compile(plan.markdown);
    expect(html).toMatch(
      /<aside class="story-aside" aria-labelledby="aside-some-of-dmitrys-talks">\n<h3 [^>]*>Some of Dmitry’s talks:<\/h3>\n<ul>/,
    );
    expect(html).toContain("Dotty and types: the story so far {slides} &lt;2017&gt;");
  });

  it("writes turns, breaks and asides as the vocabulary, with attributes that stay text", () => {
    const mdx = renderBlocks([
      {
        type: "turn",
        line: 1,
        speaker: 'Jane "JD" Doe & co',
        role: "guest",
        time: "12:34",
        blocks: [{ type: "paragraph", line: 2, text: "I said {this} <b>." }],
      },
      { type: "break", line: 3, label: "Sponsor break" },
      {
        type: "aside",
        line: 4,
        title: "Talks from Jane {Doe}",
        blocks: [{ type: "list", ordered: false, start: 1, items: [{ line: 5, text: "one" }] }],
      },
    ]);
    expect(mdx).toBe(
      [
        '<Turn speaker="Jane &quot;JD&quot; Doe &amp; co" role="guest" time="12:34">',
        "",
        "I said \\{this\\} \\<b\\>.",
        "",
        "</Turn>",
        "",
        '<Break label="Sponsor break" />',
        "",
        '<Aside title="Talks from Jane {Doe}">',
        "",
        "- one",
        "",
        "</Aside>",
        "",
      ].join("\n"),
    );
    expect(findLiveContent(mdx, "mdx")).toEqual([]);
    const { html } = compile(mdx);
    expect(html).toContain('<strong class="turn__speaker">Jane "JD" Doe &amp; co</strong>');
    expect(html).toContain("<p>I said {this} &lt;b&gt;.</p>");
    expect(html).toContain(">Talks from Jane {Doe}</h3>");
  });
});
