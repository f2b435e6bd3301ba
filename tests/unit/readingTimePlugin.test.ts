import { describe, expect, it } from "vitest";
import { markdownToHtml } from "satteri";
import type { SatteriAstroData } from "@astrojs/markdown-satteri";
import { READING_MINUTES_KEY, readingTimePlugin } from "../../src/markdown/readingTime.ts";

async function minutesFor(markdown: string): Promise<unknown> {
  const astro: SatteriAstroData = {
    frontmatter: { person: "jane" },
    headings: [],
    localImagePaths: new Set(),
    remoteImagePaths: new Set(),
  };
  await markdownToHtml(markdown, { mdastPlugins: [readingTimePlugin()], data: { astro } });
  // The plugin adds to the frontmatter; it never replaces what the story declared.
  expect(astro.frontmatter["person"]).toBe("jane");
  return astro.frontmatter[READING_MINUTES_KEY];
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");

describe("reading time plugin", () => {
  it("writes minutes at 230 words a minute into the rendered frontmatter", async () => {
    // 344 words round to 1 minute, 346 to 2: the count is the story's, not a constant.
    expect(await minutesFor(`${words(344)}\n`)).toBe(1);
    expect(await minutesFor(`## ${words(2)}\n\n${words(343)}\n`)).toBe(2);
    expect(await minutesFor(`## ${words(10)}\n\n${words(4600)}\n\n- ${words(30)}\n`)).toBe(20);
  });

  it("gives at least a minute to a short story", async () => {
    expect(await minutesFor("## Hello?\n\nJust a line.\n")).toBe(1);
  });
});
