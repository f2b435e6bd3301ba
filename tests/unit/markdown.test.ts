import { describe, expect, it } from "vitest";
import { createSatteriMarkdownProcessor } from "@astrojs/markdown-satteri";
import { satteriOptions } from "../../src/markdown/options.ts";
import { headingId } from "../../src/markdown/headingAnchors.ts";

async function render(markdown: string): Promise<string> {
  const processor = await createSatteriMarkdownProcessor(satteriOptions());
  return (await processor.render(markdown)).code;
}

describe("story Markdown", () => {
  it("renders GitHub-flavoured tables, footnotes, strikethrough and autolinks", async () => {
    const html = await render(
      [
        "| Team | Size |",
        "| --- | --- |",
        "| Infra | 40 |",
        "",
        "Was ~~slow~~ fast.[^1] See https://example.com/x",
        "",
        "[^1]: A footnote.",
      ].join("\n"),
    );
    expect(html).toMatch(/<table>[\s\S]*<td>Infra<\/td>/);
    expect(html).toContain("<del>slow</del>");
    expect(html).toMatch(/<a href="https:\/\/example\.com\/x" rel="noopener noreferrer">/);
    expect(html).toMatch(/data-footnotes|footnote/);
  });

  it("keeps straight quotes and double hyphens as the speaker wrote them", async () => {
    const html = await render('He said "ship it" -- twice.');
    expect(html).toContain('"ship it" -- twice');
  });

  it("gives questions short unique ids and a permalink", async () => {
    const html = await render(
      "## What do you do all day, really, when nobody is watching?\n\nText\n\n## What do you do all day, really, when nobody is watching?\n",
    );
    expect(html).toContain('<h2 id="what-do-you-do-all-day-really-when">');
    expect(html).toContain('id="what-do-you-do-all-day-really-when-2"');
    expect(html).toMatch(
      /<a href="#what-do-you-do-all-day-really-when" class="heading-anchor" aria-label="Link to this question"/,
    );
  });
});

describe("headingId", () => {
  it.each([
    ["How do you spend your time day-to-day?", "how-do-you-spend-your-time-day-to-day"],
    ["What does a “normal” Staff-plus engineer do at your company?", "what-does-a-normal-staff-plus-engineer-do-at"],
    ["Élan & façade: ¿qué?", "elan-facade-que"],
    ["???", "section"],
  ])("%s -> %s", (text, id) => {
    expect(headingId(text)).toBe(id);
  });
});
