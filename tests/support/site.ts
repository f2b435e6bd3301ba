/**
 * What the production build contains, read from dist/ so the quality gates discover pages
 * instead of listing them: the sitemap names every public URL, the file tree names the rest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { sitemapLocations } from "../../tools/integrity/publishedIndexes.ts";

/** The built site; the Playwright webServer builds it before any test file is loaded. */
export const DIST = join(import.meta.dirname, "..", "..", "dist");

/** The site's base path with slashes on both ends ("/" or "/archive/"), as BASE_PATH sets it. */
export const BASE_PATH = `/${(process.env["BASE_PATH"] ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");

/** One page of the built site: its URL path (base included) and the HTML file that serves it. */
export interface BuiltPage {
  /** Path as a browser requests it, e.g. "/archive/stories/jane-doe/". */
  path: string;
  /** Absolute path of the HTML file in dist/. */
  file: string;
}

/** The dist/ file a URL path maps to ("/stories/" -> dist/stories/index.html), or undefined outside the base. */
export function fileForPath(path: string): string | undefined {
  const decoded = decodeURIComponent(path);
  if (!decoded.startsWith(BASE_PATH)) return undefined;
  const inside = decoded.slice(BASE_PATH.length);
  if (inside === "" || inside.endsWith("/")) return join(DIST, inside, "index.html");
  return join(DIST, inside);
}

/** Every URL path the sitemap lists (sitemap-index.xml -> each sitemap-N.xml), in sitemap order. */
export function sitemapPaths(): string[] {
  return sitemapUrls().map((url) => url.pathname);
}

/** The origin of SITE_URL as the build saw it (canonical, og:url and feed links use it). */
export function siteOrigin(): string {
  const [first] = sitemapUrls();
  if (!first) throw new Error("The sitemap lists no URLs.");
  return first.origin;
}

/** The sitemap's URLs, read the way the integrity check reads them. */
function sitemapUrls(): URL[] {
  const locations = sitemapLocations(DIST, BASE_PATH);
  if (locations === undefined) {
    throw new Error(
      `${DIST}/sitemap-index.xml is missing: build the site first (npm run build), or let Playwright's webServer do it.`,
    );
  }
  if (locations.length === 0)
    throw new Error("The sitemap lists no URLs: is @astrojs/sitemap still in astro.config.mjs?");
  return locations.map((loc) => new URL(loc));
}

/** Every page in the sitemap, with the built file that serves it (throws if a file is missing). */
export function sitemapPages(): BuiltPage[] {
  return sitemapPaths().map((path) => {
    const file = fileForPath(path);
    if (!file || !existsSync(file)) {
      throw new Error(
        `The sitemap lists ${path}, but dist/ has no file for it (expected ${file ?? "a path under " + BASE_PATH}).`,
      );
    }
    return { path, file };
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every HTML file in dist/ (sitemap pages, 404.html and anything else), with the path that serves it. */
export function builtHtmlPages(): BuiltPage[] {
  return walk(DIST)
    .filter((file) => file.endsWith(".html"))
    .sort()
    .map((file) => {
      const inside = relative(DIST, file).split(sep).join("/");
      return { path: BASE_PATH + inside.replace(/(^|\/)index\.html$/, "$1"), file };
    });
}

/** Every sitemap page under stories/<id>/: the reading pages the weight budgets apply to. */
export function storyPages(): BuiltPage[] {
  const storyPath = new RegExp(`^${BASE_PATH}stories/[^/]+/$`);
  return sitemapPages().filter((page) => storyPath.test(page.path));
}

/**
 * Every page the gates visit: the sitemap's, then built pages it leaves out on purpose (404.html),
 * so a page cannot escape the checks by being missing from the sitemap.
 */
export function allPages(): BuiltPage[] {
  const listed = sitemapPages();
  const files = new Set(listed.map((page) => page.file));
  return [...listed, ...builtHtmlPages().filter((page) => !files.has(page.file))];
}

/** The sitemap page whose path is BASE_PATH + `inside`, when the site has one (search/, subscribe/). */
export function optionalPage(inside: string): BuiltPage | undefined {
  return sitemapPages().find((page) => page.path === BASE_PATH + inside);
}

/**
 * The story page of median length (by built file size): the representative reading page. Short
 * pieces cannot spread the fixed cost of the stylesheet and site chrome over their text, and the
 * longest one would flatter the weight budget.
 */
/** Length of a typical full interview in the archive (issue 8's realistic shape). */
export const FULL_LENGTH_WORDS = 4000;

/** The story page whose transcript is closest to a full-length interview. */
export function fullLengthStory(): BuiltPage {
  const words = (page: BuiltPage): number => {
    const html = readFileSync(page.file, "utf8");
    const transcript = html.slice(html.indexOf('class="transcript"'));
    return transcript
      .replace(/<[^>]*>/g, " ")
      .split(/\s+/)
      .filter(Boolean).length;
  };
  const byDistance = storyPages()
    .map((page) => ({ page, distance: Math.abs(words(page) - FULL_LENGTH_WORDS) }))
    .sort((a, b) => a.distance - b.distance || a.page.path.localeCompare(b.page.path));
  const closest = byDistance[0];
  if (!closest) throw new Error(`The sitemap lists no story pages under ${BASE_PATH}stories/<id>/.`);
  return closest.page;
}

/** The story page of median file size. */
export function medianStory(): BuiltPage {
  const bySize = storyPages().sort(
    (a, b) => statSync(a.file).size - statSync(b.file).size || a.path.localeCompare(b.path),
  );
  const median = bySize[Math.floor((bySize.length - 1) / 2)];
  if (!median) throw new Error(`The sitemap lists no story pages under ${BASE_PATH}stories/<id>/.`);
  return median;
}
