import { expect, test, type Page } from "@playwright/test";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildSite } from "../support/astroBuild.ts";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";
import { distinctivePhrase, storySections, type StorySection } from "../support/storyText.ts";

// The archive's own stories built with one story per search shard (ARCHIVE_PAGES_PER_SHARD=1),
// so the search page must merge the shards to find anything past the first.
test.describe.configure({ mode: "serial" });

let dir: string;
let site: StaticSite;
/** Story paths per shard, primary first, read from the built fragments. */
let shardStories: string[][];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = await mkdtemp(join(tmpdir(), "search-shards-"));
  await buildSite(join(dir, "dist"), { ARCHIVE_PAGES_PER_SHARD: "1" });
  const dist = join(dir, "dist");
  const extra = JSON.parse(await readFile(join(dist, "pagefind", "shards.json"), "utf8")) as string[];
  shardStories = await Promise.all(["pagefind/", ...extra].map((folder) => storiesIn(join(dist, folder))));
  site = await serveStatic(dist);
});

test.afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Site paths of the pages one Pagefind bundle holds (its fragments are gzip, a signature, then JSON). */
async function storiesIn(bundle: string): Promise<string[]> {
  const fragments = join(bundle, "fragment");
  const names = (await readdir(fragments)).filter((name) => name.endsWith(".pf_fragment"));
  return Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(join(fragments, name))).toString("utf8");
      return (JSON.parse(text.slice(text.indexOf("{"))) as { url: string }).url.replace(/^\//, "");
    }),
  );
}

const resultPaths = (page: Page) =>
  page
    .locator("#search-results a.search-result__link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice(1)));

test("the build wrote one shard per story and lists the extra ones", () => {
  expect(shardStories.length).toBeGreaterThanOrEqual(2);
  for (const stories of shardStories) expect(stories).toHaveLength(1);
});

test("a phrase from the story in the second shard finds that story", async ({ page }) => {
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

test("a date sort across shards lists every story in date order, both ways", async ({ page }) => {
  const dateOf = new Map<string, string>();
  for (const [path] of shardStories) {
    await page.goto(`${site.url}${path}`);
    dateOf.set(path ?? "", (await page.locator('[data-pagefind-sort="date"]').textContent())?.trim() ?? "");
  }
  const dates = new Set(dateOf.values());
  expect(dates.size, "stories from at least two dates").toBeGreaterThanOrEqual(2);
  // "the" is in every transcript, so each story is a result whatever its shard.
  for (const [sort, expected] of [
    ["newest", [...dates].sort().reverse()],
    ["oldest", [...dates].sort()],
  ] as const) {
    await page.goto(`${site.url}search/?q=the&sort=${sort}`);
    await expect(page.locator("#search-status")).toHaveText(/match/);
    const found = (await resultPaths(page)).map((path) => dateOf.get(path));
    expect(found).toHaveLength(dateOf.size);
    expect([...new Set(found)], sort).toEqual(expected);
  }
});
