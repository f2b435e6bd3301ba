/**
 * Paginated lists in the fixture build: more stories, people and companies than its tiny
 * ARCHIVE_LIST_PAGE_SIZE, and a build that passed the integrity check (every story linked
 * from a /stories/ page).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse, type HTMLElement } from "node-html-parser";
import { slugify } from "../../src/lib/slug.ts";
import { newestFirst, readPeople, readStories, type SourceStory } from "../support/feedFixture.ts";
import { fixture } from "../support/fixtureSite.ts";

const { base: BASE, listPageSize: SIZE, siteUrl: SITE } = fixture;
let stories: SourceStory[] = [];
let people: string[] = [];

test.beforeAll(async () => {
  stories = newestFirst(await readStories(fixture.content));
  people = [...(await readPeople(fixture.content)).keys()];
});

const read = (path: string): HTMLElement => parse(readFileSync(join(fixture.site, path, "index.html"), "utf8"));
const linksTo = (page: HTMLElement, pattern: RegExp) =>
  page
    .querySelectorAll("main a")
    .map((a) => a.getAttribute("href") ?? "")
    .filter((h) => pattern.test(h));
/** The list's pages, page 1 at the section itself. */
const pagesOf = (section: string, items: number) =>
  Array.from({ length: Math.ceil(items / SIZE) }, (_, i) => (i === 0 ? `${section}/` : `${section}/page/${i + 1}/`));
/** "Stories 3–4 of 58", or "Story 5 of 5" for a lone item. */
const range = (first: number, last: number, total: number) =>
  first === last ? `Story ${first} of ${total}` : `Stories ${first}–${last} of ${total}`;

for (const section of ["stories", "people"] as const) {
  test.describe(`/${section}/ paginated ${SIZE} to a page`, () => {
    const ids = () => (section === "stories" ? stories.map((s) => s.id) : people);
    const paths = () => pagesOf(section, ids().length);
    const itemLink = new RegExp(`^${BASE}${section}/(?!page/)[^/]+/$`);

    test("puts page 1 at the section and later pages under page/, each in the sitemap", () => {
      const sitemap = readFileSync(join(fixture.site, "sitemap-0.xml"), "utf8");
      expect(paths().length).toBeGreaterThanOrEqual(3);
      for (const path of paths()) {
        expect(existsSync(join(fixture.site, path, "index.html")), path).toBe(true);
        expect(sitemap).toContain(`<loc>${SITE}${BASE}${path}</loc>`);
      }
      expect(existsSync(join(fixture.site, section, "page/1/index.html"))).toBe(false);
      expect(existsSync(join(fixture.site, section, `page/${paths().length + 1}/index.html`))).toBe(false);
    });

    test("links every item from exactly one page, a page's worth on each", () => {
      const perPage = paths().map((path) => linksTo(read(path), itemLink));
      expect(perPage.flat().toSorted()).toEqual(
        ids()
          .map((id) => `${BASE}${section}/${id}/`)
          .toSorted(),
      );
      const full = ids().length % SIZE === 0 ? SIZE : ids().length % SIZE;
      expect(perPage.map((links) => links.length)).toEqual([...Array<number>(paths().length - 1).fill(SIZE), full]);
    });

    test("chains the pages by rel=prev/next, marks the current one, and gives each its own title and canonical", () => {
      const titles = new Set<string>();
      paths().forEach((path, i, all) => {
        const page = read(path);
        const pager = page.querySelector(`nav[aria-label="Pages of ${section}"]`);
        expect(pager, path).not.toBeNull();
        expect(pager?.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(
          i > 0 ? `${BASE}${all[i - 1]}` : undefined,
        );
        expect(pager?.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(
          i < all.length - 1 ? `${BASE}${all[i + 1]}` : undefined,
        );
        expect(pager?.querySelectorAll('[aria-current="page"]').map((a) => a.getAttribute("href"))).toEqual([
          `${BASE}${path}`,
        ]);
        expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE}${BASE}${path}`);
        titles.add(page.querySelector("title")?.textContent ?? "");
      });
      expect(titles.size).toBe(paths().length);
    });
  });
}

test("lists stories newest first across pages, says which, and offers browse links instead of filters", () => {
  const paths = pagesOf("stories", stories.length);
  const order = paths.flatMap((path) => linksTo(read(path), new RegExp(`^${BASE}stories/(?!page/)[^/]+/$`)));
  expect(order).toEqual(stories.map((s) => `${BASE}stories/${s.id}/`));
  const total = stories.length;
  const second = read("stories/page/2/");
  expect(second.querySelector(".lede")?.textContent).toBe(`${range(3, 4, total)}, newest first.`);
  const lastFirst = (paths.length - 1) * SIZE + 1;
  expect(read(paths.at(-1) ?? "").querySelector(".lede")?.textContent).toBe(
    `${range(lastFirst, total, total)}, newest first.`,
  );
  expect(second.querySelector("form.filters")).toBeNull();
  expect(second.querySelectorAll("script[src]").some((s) => /storyFilters/i.test(s.getAttribute("src") ?? ""))).toBe(
    false,
  );
  // More companies and topics than a page holds: one link to each index instead of every name.
  const companies = new Set(stories.map((s) => slugify(s.data.company))).size;
  expect(companies).toBeGreaterThan(SIZE);
  const browse = second.querySelectorAll('nav[aria-label="Browse by company and topic"] a');
  expect(browse.map((a) => a.getAttribute("href"))).toEqual([`${BASE}companies/`, `${BASE}topics/`]);
  expect(browse[0]?.textContent).toBe(`All ${companies} companies`);
  expect(browse[1]?.textContent).toMatch(/^All \d+ topics$/);
});

test("/subscribe/ keeps the site feed and points to company and person pages instead of listing every feed", () => {
  const page = read("subscribe/");
  const feeds = page.querySelectorAll(".feed-item__url").map((a) => a.textContent);
  expect(feeds).toEqual([`${SITE}${BASE}rss.xml`]);
  expect(page.querySelector(`main a[href="${BASE}companies/"]`)).not.toBeNull();
  expect(page.querySelector(`main a[href="${BASE}people/"]`)).not.toBeNull();
});
