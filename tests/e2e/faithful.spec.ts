import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { plainText } from "../../tools/importer/inline.ts";
import { planStory } from "../../tools/importer/planStory.ts";

// Issue 2's promise: every sentence of each raw source is on its story page. The only
// lines allowed to be missing are the ones the importer itself reports as clutter.
const SOURCES = join(import.meta.dirname, "../../content/sources");
const sources = readdirSync(SOURCES)
  .filter((name) => /\.(?:txt|md|html?)$/.test(name))
  .sort();

/** Bullets, list numbers, a thread's quote bars and emphasis marks are layout; the words must be on the page. */
function wordsOf(line: string): string {
  return plainText(line)
    .replace(/^\s*(?:[•◦▪‣●*-]|\d{1,3}[.)])\s+/u, "")
    .replace(/^\s*\|\s?/, "")
    .replace(/\s?\|\s*$/, "")
    .trim();
}

function sentencesOf(line: string): string[] {
  return wordsOf(line)
    .split(/(?<=[.!?…])\s+/u)
    .map(normalize)
    .filter(Boolean);
}

function normalize(text: string | null): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

test("there are archived sources to check", () => {
  expect(sources.length).toBeGreaterThanOrEqual(3);
});

for (const name of sources) {
  test(`every sentence of sources/${name} is on its story page`, async ({ page }) => {
    const plan = planStory(join(SOURCES, name), {});
    const clutter = new Set(plan.clutter.map((c) => c.line));
    await page.goto(`stories/${plan.slug}/`);
    const article = normalize(await page.locator("article").textContent());
    const transcript = normalize(await page.locator(".transcript").textContent());

    // The lines the importer read: the file's own, or the text of a saved .md/.html page.
    const lines = plan.readLines.map((line) => line.text);
    const missing: string[] = [];
    let checked = 0;
    lines.forEach((line, index) => {
      if (clutter.has(index + 1) || line.trim() === "") return;
      for (const sentence of sentencesOf(line)) {
        checked++;
        if (!article.includes(sentence)) missing.push(`line ${index + 1}: ${sentence}`);
      }
    });
    expect(missing, `sentences of ${name} not on /stories/${plan.slug}/`).toEqual([]);
    expect(checked).toBeGreaterThan(0);

    // And the clutter really is gone from the transcript.
    for (const removed of plan.clutter) {
      expect(transcript, `clutter line ${removed.line} still in the transcript`).not.toContain(normalize(removed.text));
    }
  });
}
