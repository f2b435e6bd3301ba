import { expect, test, type Page } from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { fixture } from "../support/fixtureSite.ts";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";
import { distinctivePhrase, storySections, type StorySection } from "../support/storyText.ts";

// The fixture is built with small search shards (fixture.pagesPerShard), so the search page
// must merge the shards to find anything past the first.
test.describe.configure({ mode: "serial" });

let site: StaticSite;
/** Story paths (relative to the base) per shard, primary first, read from the built fragments. */
let shardStories: string[][];

test.beforeAll(async () => {
  const extra = JSON.parse(await readFile(join(fixture.site, "pagefind", "shards.json"), "utf8")) as string[];
  shardStories = await Promise.all(["pagefind/", ...extra].map((folder) => storiesIn(join(fixture.site, folder))));
  site = await serveStatic(fixture.site, { base: fixture.base });
});

test.afterAll(async () => {
  await site?.close();
});

/**
 * Paths (relative to the base, which Pagefind leaves out) of the pages one Pagefind bundle holds;
 * its fragments are gzip, a signature, then JSON.
 */
async function storiesIn(bundle: string): Promise<string[]> {
  const fragments = join(bundle, "fragment");
  const names = (await readdir(fragments)).filter((name) => name.endsWith(".pf_fragment"));
  const paths = await Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(join(fragments, name))).toString("utf8");
      return (JSON.parse(text.slice(text.indexOf("{"))) as { url: string }).url.replace(/^\//, "");
    }),
  );
  return paths.sort();
}

const resultPaths = (page: Page) =>
  page
    .locator("#search-results a.search-result__link")
    .evaluateAll(
      (links, base) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice(base.length)),
      fixture.base,
    );

test("the build split the stories into shards of at most the configured size, each story in one", () => {
  expect(shardStories.length).toBeGreaterThanOrEqual(2);
  for (const stories of shardStories) expect(stories.length).toBeLessThanOrEqual(fixture.pagesPerShard);
  const all = shardStories.flat();
  expect(new Set(all).size).toBe(all.length);
});

test("a phrase from a story in the second shard finds that story", async ({ page }) => {
  const sections: StorySection[] = [];
  for (const [path] of shardStories) sections.push(...(await storySections(page, `${site.url}${path}`)));
  const second = `${site.url}${shardStories[1]?.[0]}`;
  const section = sections.find((s) => s.storyPath === second && s.anchor !== "" && s.text.split(" ").length >= 12);
  if (!section) throw new Error(`no long enough section in ${second}`);
  const phrase = distinctivePhrase(section, sections);
  if (!phrase) throw new Error(`no phrase unique to ${second}`);

  await page.goto(`${site.url}search/?q=${encodeURIComponent(phrase)}`);
  await expect(page.locator("#search-status")).toHaveText(/match/);
  expect((await resultPaths(page))[0]).toBe(shardStories[1]?.[0]);
});

test("a date sort across shards puts the newest, or the oldest, stories of every shard first", async ({ page }) => {
  // The date each story page gives Pagefind to sort by, read from the built pages.
  const dateOf = new Map<string, string>();
  for (const path of shardStories.flat()) {
    const html = await readFile(join(fixture.site, path, "index.html"), "utf8");
    const date = /data-pagefind-sort="date(?::[^"]*)?"[^>]*>([^<]*)</.exec(html)?.[1]?.trim();
    if (!date) throw new Error(`${path} has no date for Pagefind to sort by`);
    dateOf.set(path, date);
  }
  const dates = [...dateOf.values()].sort();
  // "the" is in every transcript, so each story is a result whatever its shard.
  for (const [sort, expected] of [
    ["newest", dates.toReversed()],
    ["oldest", dates],
  ] as const) {
    await page.goto(`${site.url}search/?q=the&sort=${sort}`);
    await expect(page.locator("#search-status")).toHaveText(/match/);
    const found = (await resultPaths(page)).map((path) => dateOf.get(path));
    expect(found.length, sort).toBeGreaterThanOrEqual(2);
    expect(found, sort).toEqual(expected.slice(0, found.length));
  }
});

test('a long filter shows its first values and the rest behind a "Show all" button', async ({ page }) => {
  await page.goto(`${site.origin}${fixture.base}search/`);
  await page.locator("[data-search-filters] summary").click();
  const topics = page.getByRole("group", { name: "Topic" });
  const values = topics.getByRole("checkbox");
  await expect(values.first()).toBeVisible();
  const all = await topics.locator("li").count();
  expect(all, "the fixture needs more topics than a filter shows at first").toBeGreaterThan(8);
  await expect(topics.locator("li:visible")).toHaveCount(8);
  await topics.getByRole("button", { name: `Show all ${all} topics` }).click();
  await expect(topics.locator("li:visible")).toHaveCount(all);
  await expect(values.nth(8)).toBeFocused();
});
