/**
 * Gate: pages stay light. On every page, before any interaction: at most 2 KB gzip of JavaScript
 * (room for one small enhancement script), no Pagefind files, at most 10 KB gzip of CSS. On a
 * full-length story (the one closest to 4,000 words), everything downloaded weighs at most 1.5
 * times the page's readable text, as the issue words it: everything a reader can read on the page
 * (body innerText), both gzipped. A shorter story cannot spread the fixed cost of
 * stylesheet, script and page chrome over as much text, so every story page is also held to an
 * absolute budget for that fixed cost: what it downloads beyond the gzip of its own text.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { allPages, fullLengthStory, storyPages } from "../support/site.ts";

const KB = 1024;
const JS_BUDGET = 2 * KB;
// The search page is the search application: its script is what the reader came for.
// It still may not fetch Pagefind's index before the reader types.
const SEARCH_PAGE_JS_BUDGET = 8.5 * KB;
const CSS_BUDGET = 10 * KB;
const WEIGHT_PER_TEXT = 1.5;
const STORY_FIXED_COST = 6 * KB;

interface Download {
  url: string;
  kind: string;
  gzipBytes: number;
}

const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;
const sum = (items: { gzipBytes: number }[]): number => items.reduce((total, item) => total + item.gzipBytes, 0);
const list = (items: Download[]): string => items.map((d) => `  ${d.kind} ${d.url}: ${d.gzipBytes} B gzip`).join("\n");

/** Loads `path` in a fresh context (nothing cached) and returns everything the browser fetched. */
async function downloadsOf(page: Page, path: string): Promise<Download[]> {
  const pending: Promise<Download | undefined>[] = [];
  page.on("response", (response) => {
    pending.push(
      response.body().then(
        (body) => ({
          url: new URL(response.url()).pathname,
          kind: response.request().resourceType(),
          gzipBytes: gzipSize(body),
        }),
        () => undefined, // redirects have no body
      ),
    );
  });
  await page.goto(path, { waitUntil: "networkidle" });
  return (await Promise.all(pending)).filter((download) => download !== undefined);
}

/** Inline <script> and <style> code, which never shows up as a download of its own. */
async function inlineCode(page: Page): Promise<{ scripts: string[]; styles: string[] }> {
  return page.evaluate(() => ({
    scripts: [...document.querySelectorAll("script:not([src])")]
      .filter((el) => !/json/.test(el.getAttribute("type") ?? ""))
      .map((el) => el.textContent ?? ""),
    styles: [...document.querySelectorAll("style")].map((el) => el.textContent ?? ""),
  }));
}

for (const { path } of allPages()) {
  test(`JS and CSS budgets before interaction: ${path}`, async ({ page }) => {
    const downloads = await downloadsOf(page, path);
    const inline = await inlineCode(page);
    const scripts = [
      ...downloads.filter((d) => d.kind === "script" || /\.m?js$/.test(d.url)),
      ...inline.scripts.map((code) => ({ url: "(inline)", kind: "script", gzipBytes: gzipSize(code) })),
    ];
    const styles = [
      ...downloads.filter((d) => d.kind === "stylesheet"),
      ...inline.styles.map((code) => ({ url: "(inline)", kind: "style", gzipBytes: gzipSize(code) })),
    ];
    const pagefind = downloads.filter((d) => /\/pagefind[/-]/.test(d.url));
    const jsBudget = /\/search\/$/.test(path) ? SEARCH_PAGE_JS_BUDGET : JS_BUDGET;
    expect(pagefind.length, `${path} loads Pagefind before any interaction:\n${list(pagefind)}`).toBe(0);
    expect(
      sum(scripts),
      `${path} loads ${sum(scripts)} B gzip of JavaScript before interaction (budget ${jsBudget} B):\n${list(scripts)}`,
    ).toBeLessThanOrEqual(jsBudget);
    expect(
      sum(styles),
      `${path} loads ${sum(styles)} B gzip of CSS (budget ${CSS_BUDGET} B):\n${list(styles)}`,
    ).toBeLessThanOrEqual(CSS_BUDGET);
  });
}

const story = fullLengthStory().path;
test(`page weight at most ${WEIGHT_PER_TEXT}x its readable text, full-length story: ${story}`, async ({ page }) => {
  const downloads = await downloadsOf(page, story);
  const text = await page.locator("body").innerText();
  const textBytes = gzipSize(text);
  const total = sum(downloads);
  expect(textBytes, `${story}: the story text is empty`).toBeGreaterThan(20);
  expect(
    total,
    `${story} downloads ${total} B gzip for ${textBytes} B gzip of readable text ` +
      `(ratio ${(total / textBytes).toFixed(2)}, budget ${WEIGHT_PER_TEXT}):\n${list(downloads)}`,
  ).toBeLessThanOrEqual(WEIGHT_PER_TEXT * textBytes);
});

for (const { path } of storyPages()) {
  test(`fixed cost beyond the story's text at most ${STORY_FIXED_COST} B gzip: ${path}`, async ({ page }) => {
    const downloads = await downloadsOf(page, path);
    const textBytes = gzipSize(await page.locator("article").first().innerText());
    const fixed = sum(downloads) - textBytes;
    expect(
      fixed,
      `${path} downloads ${fixed} B gzip beyond its ${textBytes} B gzip of text:\n${list(downloads)}`,
    ).toBeLessThanOrEqual(STORY_FIXED_COST);
  });
}
