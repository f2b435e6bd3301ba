/**
 * Gate: the sitemap the other gates are driven by tells the truth. Each listed page names itself
 * as canonical and is indexable; each built page it leaves out says noindex (like 404.html), so no
 * page is dropped from search engines, or from these checks' view of the site, by accident.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parse } from "node-html-parser";
import { expect, test } from "@playwright/test";
import { DIST, builtHtmlPages, sitemapPages, siteOrigin } from "../support/site.ts";

const listed = sitemapPages();
const listedFiles = new Set(listed.map((page) => page.file));

function headOf(file: string): { canonical: string | undefined; noindex: boolean } {
  const root = parse(readFileSync(file, "utf8"));
  const robots = root.querySelector("meta[name='robots']")?.getAttribute("content") ?? "";
  return {
    canonical: root.querySelector("link[rel='canonical']")?.getAttribute("href"),
    noindex: /noindex/i.test(robots),
  };
}

test("every sitemap page is indexable and canonical to its own URL", () => {
  const wrong = listed.flatMap(({ path, file }) => {
    const { canonical, noindex } = headOf(file);
    const expected = new URL(path, siteOrigin()).toString();
    if (noindex) return [`${path}: listed in the sitemap but says noindex`];
    if (canonical !== expected) return [`${path}: canonical is ${canonical ?? "missing"}, expected ${expected}`];
    return [];
  });
  expect(wrong, `Sitemap pages with a wrong head:\n${wrong.join("\n")}`).toEqual([]);
});

test("every built page left out of the sitemap says noindex", () => {
  const unlisted = builtHtmlPages().filter((page) => !listedFiles.has(page.file));
  const indexable = unlisted.filter((page) => !headOf(page.file).noindex).map((page) => relative(DIST, page.file));
  expect(indexable, `Pages missing from the sitemap but indexable: ${indexable.join(", ")}`).toEqual([]);
});
