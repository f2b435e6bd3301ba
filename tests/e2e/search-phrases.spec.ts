/*
 * Remembered phrases: for every question of every built story, a run of 3 to 6 words from the
 * middle of its answer that no other section holds, searched as typed and in quotes. The first
 * result must be that story, opened at that question. Prints the figures docs/search.md quotes.
 */
import { expect, test, type Page } from "@playwright/test";
import { distinctivePhrase, storyPaths, storySections, type StorySection } from "../support/storyText.ts";

const LENGTHS = [3, 4, 5, 6];

interface Outcome {
  query: string;
  want: string;
  got: string;
}

/**
 * The first result's story path and #question for a query typed into the open search page (as a
 * reader searches one remembered phrase after another), read once the page has settled.
 */
async function firstResult(page: Page, query: string): Promise<string> {
  await page.locator("#search-input").fill(query);
  const asTyped = query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page.locator("#search-status")).toHaveText(new RegExp(` match(es)? (“${asTyped}”|${asTyped})\\.$`));
  const first = page.locator("#search-results a.search-result__link").first();
  if ((await first.count()) === 0) return "(no result)";
  const href = await first.getAttribute("href");
  if (!href) return "(no result)";
  const url = new URL(href, page.url());
  const base = new URL(test.info().project.use.baseURL ?? "/").pathname;
  return `${url.pathname.slice(base.length)}${url.hash}`;
}

test("remembered phrases find their story and question first, plain and quoted", async ({ page }) => {
  test.setTimeout(600_000);
  const sections: StorySection[] = [];
  for (const path of storyPaths()) sections.push(...(await storySections(page, path)));
  const questions = sections.filter((s) => s.anchor !== "" && s.text.split(" ").length >= 12);
  const phrases = questions.flatMap((section, n) => {
    const phrase = distinctivePhrase(section, sections, LENGTHS[n % LENGTHS.length]);
    return phrase ? [{ phrase, want: `${section.storyPath}#${section.anchor}` }] : [];
  });
  expect(phrases.length).toBeGreaterThan(20);
  console.log(`${phrases.length} remembered phrases from ${new Set(questions.map((q) => q.storyPath)).size} stories`);

  const misses: Record<"plain" | "quoted", Outcome[]> = { plain: [], quoted: [] };
  await page.goto("search/");
  for (const { phrase, want } of phrases) {
    for (const [kind, query] of [
      ["plain", phrase],
      ["quoted", `"${phrase}"`],
    ] as const) {
      const got = await firstResult(page, query);
      if (got !== want) misses[kind].push({ query, want, got });
    }
  }
  const rate = (kind: "plain" | "quoted") =>
    `${phrases.length - misses[kind].length}/${phrases.length} (${(100 * (1 - misses[kind].length / phrases.length)).toFixed(1)} %)`;
  console.log(
    `remembered phrases, first result is the right story and question: plain ${rate("plain")}, quoted ${rate("quoted")}`,
  );
  for (const miss of [...misses.plain, ...misses.quoted])
    console.log(`  miss: ${miss.query} → ${miss.got}, wanted ${miss.want}`);
  expect(misses.quoted).toEqual([]);
  expect(misses.plain.length / phrases.length).toBeLessThanOrEqual(0.04);
});
