/**
 * Paginated lists in a real build: `node tools/build.ts` (Astro, then the integrity check) on
 * a fixture with more stories, people and companies than a tiny ARCHIVE_LIST_PAGE_SIZE.
 */
import { spawnSync } from "node:child_process";
import { withBuildLock } from "../support/astroBuild.ts";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentRoot, removeContentRoots, storySource, withField } from "../support/contentFixture.ts";

const work = mkdtempSync(join(tmpdir(), "archive-lists-"));
const outDir = join(work, "site");
const node = existsSync("node_modules/.bin/node") ? "node_modules/.bin/node" : process.execPath;
const BASE = "/archive/";
const PAGE_SIZE = 2;
// Five people at five companies, one story each, recorded a month apart: three pages of each list.
const names = ["Ada Byron", "Ben Ode", "Cy Twombly", "Di Rac", "Ed Sager"];
const ids = names.map((name) => name.toLowerCase().replace(" ", "-"));

afterAll(() => {
  removeContentRoots();
  rmSync(work, { recursive: true, force: true });
});

function fixture(): string {
  const files: Record<string, string> = {};
  ids.forEach((id, i) => {
    files[`people/${id}.yaml`] = `name: ${names[i]}\nrole: Staff Engineer\ncompany: Company ${i}\n`;
    const frontmatter = withField("person", `person: ${id}`)
      .map((line) => (line.startsWith("company:") ? `company: Company ${i}` : line))
      .map((line) => (line.startsWith("recorded:") ? `recorded: "2021-0${i + 1}"` : line));
    files[`stories/${id}.mdx`] = storySource(frontmatter);
  });
  return contentRoot(files);
}

const read = (path: string): HTMLElement => parse(readFileSync(join(outDir, path, "index.html"), "utf8"));
const linksTo = (page: HTMLElement, pattern: RegExp) =>
  page
    .querySelectorAll("main a")
    .map((a) => a.getAttribute("href") ?? "")
    .filter((h) => pattern.test(h));

describe(`lists paginated ${PAGE_SIZE} to a page`, () => {
  let sitemap = "";

  beforeAll(async () => {
    const cleanEnv = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(BASE_URL|SITE|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key),
      ),
    );
    const result = await withBuildLock(() =>
      spawnSync(node, ["tools/build.ts"], {
        encoding: "utf8",
        env: {
          ...cleanEnv,
          ARCHIVE_CONTENT_DIR: fixture(),
          ARCHIVE_OUT_DIR: outDir,
          ARCHIVE_CACHE_DIR: join(work, "cache"),
          ARCHIVE_LIST_PAGE_SIZE: String(PAGE_SIZE),
          SITE_URL: "https://archive.example",
          BASE_PATH: BASE,
          ASTRO_TELEMETRY_DISABLED: "1",
        },
      }),
    );
    // Status 0 means the integrity check passed too: every story linked from a /stories/ page.
    expect(result.status, result.stderr + result.stdout).toBe(0);
    sitemap = readFileSync(join(outDir, "sitemap-0.xml"), "utf8");
  });

  for (const section of ["stories", "people"]) {
    describe(`/${section}/`, () => {
      const paths = [`${section}/`, `${section}/page/2/`, `${section}/page/3/`];
      const itemLink = new RegExp(`^${BASE}${section}/(?!page/)[^/]+/$`);

      it("puts page 1 at the section and later pages under page/, each in the sitemap", () => {
        for (const path of paths) {
          expect(existsSync(join(outDir, path, "index.html")), path).toBe(true);
          expect(sitemap).toContain(`<loc>https://archive.example${BASE}${path}</loc>`);
        }
        expect(existsSync(join(outDir, section, "page/1/index.html"))).toBe(false);
        expect(existsSync(join(outDir, section, "page/4/index.html"))).toBe(false);
      });

      it("links every item from exactly one page", () => {
        const listed = paths.flatMap((path) => linksTo(read(path), itemLink));
        expect(listed.toSorted()).toEqual(ids.map((id) => `${BASE}${section}/${id}/`).toSorted());
        expect(paths.map((path) => linksTo(read(path), itemLink).length)).toEqual([2, 2, 1]);
      });

      it("chains the pages by rel=prev/next, marks the current one, and gives each its own title and canonical", () => {
        const titles = new Set<string>();
        paths.forEach((path, i) => {
          const page = read(path);
          const pager = page.querySelector(`nav[aria-label="Pages of ${section}"]`);
          expect(pager, path).not.toBeNull();
          expect(pager?.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(
            i > 0 ? `${BASE}${paths[i - 1]}` : undefined,
          );
          expect(pager?.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(
            i < paths.length - 1 ? `${BASE}${paths[i + 1]}` : undefined,
          );
          expect(pager?.querySelectorAll('[aria-current="page"]').map((a) => a.getAttribute("href"))).toEqual([
            `${BASE}${path}`,
          ]);
          expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
            `https://archive.example${BASE}${path}`,
          );
          titles.add(page.querySelector("title")?.textContent ?? "");
        });
        expect(titles.size).toBe(paths.length);
      });
    });
  }

  it("lists stories newest first across pages, says which, and offers browse links instead of filters", () => {
    const order = ["stories/", "stories/page/2/", "stories/page/3/"].flatMap((path) =>
      linksTo(read(path), /^\/archive\/stories\/(?!page\/)[^/]+\/$/),
    );
    expect(order).toEqual(ids.map((id) => `${BASE}stories/${id}/`).reverse());
    const second = read("stories/page/2/");
    expect(second.querySelector(".lede")?.textContent).toBe("Stories 3–4 of 5, newest first.");
    expect(read("stories/page/3/").querySelector(".lede")?.textContent).toBe("Story 5 of 5, newest first.");
    expect(second.querySelector("form.filters")).toBeNull();
    expect(second.querySelectorAll("script[src]").some((s) => /storyFilters/i.test(s.getAttribute("src") ?? ""))).toBe(
      false,
    );
    // Five companies outnumber a page, so one link to their index; the one topic is linked itself.
    const browse = second.querySelectorAll('nav[aria-label="Browse by company and topic"] a');
    expect(browse.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      [`${BASE}companies/`, "All 5 companies"],
      [`${BASE}topics/sponsorship/`, "Sponsorship"],
    ]);
  });

  it("/subscribe/ keeps the site feed and points to company and person pages instead of listing every feed", () => {
    const page = read("subscribe/");
    const feeds = page.querySelectorAll(".feed-item__url").map((a) => a.textContent);
    expect(feeds).toEqual([`https://archive.example${BASE}rss.xml`]);
    expect(page.querySelector(`main a[href="${BASE}companies/"]`)).not.toBeNull();
    expect(page.querySelector(`main a[href="${BASE}people/"]`)).not.toBeNull();
  });
});
