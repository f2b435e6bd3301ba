import AxeBuilder from "@axe-core/playwright";
import { readdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { BASE_PATH, DIST } from "../support/site.ts";

/** Site-relative path of an absolute URL built for SITE_URL, so it can be fetched from the test server. */
const sitePath = (url: string) => new URL(url).pathname.replace(/^\//, "");

async function feedUrls(page: Page): Promise<string[]> {
  return page.locator(".feed-item__url").allTextContents();
}

test("/subscribe/ explains feeds and lists every feed by its address", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscribe");
  await expect(page.getByRole("heading", { name: "How it works" })).toBeVisible();
  const urls = await feedUrls(page);
  // First the whole archive's feed: the one every page announces.
  expect(urls[0]).toBe(
    await page.locator('head link[rel="alternate"][type="application/rss+xml"]').getAttribute("href"),
  );
  expect(urls.some((url) => /\/companies\/[^/]+\/rss\.xml$/.test(url))).toBe(true);
  expect(urls.some((url) => /\/people\/[^/]+\/rss\.xml$/.test(url))).toBe(true);
  // Every feed the build wrote is listed, by its full address.
  const built = readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)rss\.xml$/.test(f));
  expect(urls.map(sitePath).sort()).toEqual(built.map((f) => `${BASE_PATH}${f}`.slice(1)).sort());
  // Every listed feed exists and is XML that Chromium's strict parser accepts.
  for (const url of urls) {
    const response = await page.request.get(sitePath(url));
    expect(response.status(), url).toBe(200);
    const xml = await response.text();
    const problem = await page.evaluate(
      (text) => new DOMParser().parseFromString(text, "application/xml").querySelector("parsererror")?.textContent,
      xml,
    );
    expect(problem, url).toBeUndefined();
  }
});

test("a local build hands out feed addresses on the origin and port it is served from", async ({ page }) => {
  await page.goto("subscribe/");
  const served = new URL(page.url());
  const urls = await feedUrls(page);
  expect(urls.length).toBeGreaterThan(2);
  for (const url of urls) {
    expect(new URL(url).origin, url).toBe(served.origin);
    // The address as copied works as it is.
    expect((await page.request.get(url)).status(), url).toBe(200);
  }
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(new URL(canonical ?? "").origin).toBe(served.origin);
});

test("a copy button puts the feed's address on the clipboard and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // The label says "Copied" for two seconds; a paused clock keeps the test from racing it.
  await page.clock.install();
  await page.goto("subscribe/");
  await page.clock.pauseAt(Date.now() + 60_000);
  await expect(page.getByRole("button", { name: /^Copy/ })).toHaveCount(await page.locator(".feed-item").count());
  const item = page.locator(".feed-item").nth(1);
  const url = (await item.locator(".feed-item__url").textContent()) ?? "";
  const button = item.getByRole("button");
  await expect(button).toHaveAccessibleName(/^Copy the feed address for \S/);
  await button.click();
  await expect(button).toHaveAccessibleName(/^Copied the feed address for \S/);
  await page.clock.runFor(100);
  await expect(page.getByRole("status")).toHaveText(`Copied ${url}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.clock.runFor(2500);
  await expect(button).toHaveAccessibleName(/^Copy the feed address/);
});

test("when the clipboard is refused, the address is selected for copying by hand", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } });
  });
  await page.goto("subscribe/");
  const item = page.locator(".feed-item").first();
  await item.getByRole("button").click();
  await expect(page.getByRole("status")).toContainText("press Ctrl+C");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
    await item.locator(".feed-item__url").textContent(),
  );
});

test("without JavaScript every address is still there, and no button that cannot work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("subscribe/");
  const links = page.locator(".feed-item__url");
  expect(await links.count()).toBeGreaterThan(2);
  await expect(links.first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Copy/ })).toHaveCount(0);
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/subscribe/ has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("subscribe/");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("every page announces the site feed to browsers and feed readers", async ({ page }) => {
  for (const path of ["./", "stories/", "subscribe/"]) {
    await page.goto(path);
    const feed = page.locator('head link[rel="alternate"][type="application/rss+xml"]').first();
    const href = (await feed.getAttribute("href")) ?? "";
    expect(href, path).toMatch(/\/rss\.xml$/);
    const response = await page.request.get(sitePath(href));
    expect(response.status(), path).toBe(200);
  }
});
