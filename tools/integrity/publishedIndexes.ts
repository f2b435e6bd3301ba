import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { inParallel } from "./siteScan.ts";
import type { SiteLocation } from "./siteUrls.ts";

// Readers for the sitemap, the search index and the feed: site paths under the base ("stories/x/"),
// or undefined when the list is not in the output at all.

/** Site path of an absolute or root-relative URL, or undefined when it lies outside the base. */
export function sitePath(url: string, site: SiteLocation): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, "http://site.invalid").pathname);
  } catch {
    return undefined;
  }
  return pathname.startsWith(site.base) ? pathname.slice(site.base.length) : undefined;
}

/** One XML reader for the sitemap and the feed: lists stay lists, values stay strings. */
const xml = new XMLParser({
  isArray: (name) => name === "sitemap" || name === "url" || name === "item",
  parseTagValue: false,
  htmlEntities: false,
});

/** Every page URL the sitemap lists (each sitemap of sitemap-index.xml), as written; undefined without one. */
export function sitemapLocations(dir: string, base: string): string[] | undefined {
  const indexFile = join(dir, "sitemap-index.xml");
  if (!existsSync(indexFile)) return undefined;
  return locs(readFileSync(indexFile, "utf8")).flatMap((sitemapUrl) => {
    const file = sitePath(sitemapUrl, { base, origin: undefined });
    if (file === undefined || !existsSync(join(dir, file))) {
      throw new Error(`sitemap-index.xml lists ${sitemapUrl}, which is not in the build`);
    }
    return locs(readFileSync(join(dir, file), "utf8"));
  });
}

/** Every page URL in sitemap-index.xml's sitemaps, as site paths. */
export function readSitemap(dir: string, site: SiteLocation): Set<string> | undefined {
  const locations = sitemapLocations(dir, site.base);
  return locations && new Set(locations.flatMap((loc) => sitePath(loc, site) ?? []));
}

/** The <loc> of every entry of a sitemap index or a sitemap. */
function locs(text: string): string[] {
  const doc = xml.parse(text) as {
    sitemapindex?: { sitemap?: { loc?: unknown }[] };
    urlset?: { url?: { loc?: unknown }[] };
  };
  const entries = [...(doc.sitemapindex?.sitemap ?? []), ...(doc.urlset?.url ?? [])];
  return entries.flatMap((entry) => (typeof entry.loc === "string" ? [entry.loc.trim()] : []));
}

/**
 * Every page in the Pagefind index, across the shards pagefind/shards.json lists. Each page is a
 * fragment file: gzip, "pagefind_dcd", JSON with the url (from the output root: with or without the base).
 */
export async function readSearchIndex(dir: string, site: SiteLocation): Promise<Set<string> | undefined> {
  if (!existsSync(join(dir, "pagefind", "pagefind-entry.json"))) return undefined;
  const shardsFile = join(dir, "pagefind", "shards.json");
  const extra: unknown = existsSync(shardsFile) ? JSON.parse(await readFile(shardsFile, "utf8")) : [];
  if (!Array.isArray(extra) || !extra.every((f): f is string => typeof f === "string")) {
    throw new Error("pagefind/shards.json must be a list of folder paths");
  }
  const fragments: string[] = [];
  for (const folder of ["pagefind/", ...extra]) {
    if (!existsSync(join(dir, folder, "pagefind-entry.json"))) {
      throw new Error(`pagefind/shards.json lists ${folder}, which holds no search index in the build`);
    }
    const fragmentDir = join(dir, folder, "fragment");
    const names = existsSync(fragmentDir) ? await readdir(fragmentDir) : [];
    fragments.push(...names.filter((n) => n.endsWith(".pf_fragment")).map((n) => join(fragmentDir, n)));
  }
  const paths = new Set<string>();
  await inParallel(fragments, async (file) => {
    const text = gunzipSync(await readFile(file)).toString("utf8");
    const { url } = JSON.parse(text.replace(/^pagefind_dcd/, "")) as { url?: unknown };
    const path = typeof url === "string" ? (sitePath(url, site) ?? sitePath(url, { ...site, base: "/" })) : undefined;
    if (path !== undefined) paths.add(path);
  });
  return paths;
}

/** The site feed, at the root of the output. */
export const FEED_FILE = "rss.xml";

/** Item links of the site feed, newest first as the feed lists them, as site paths. */
export async function readFeed(dir: string, site: SiteLocation): Promise<string[] | undefined> {
  const feedFile = join(dir, FEED_FILE);
  if (!existsSync(feedFile)) return undefined;
  const doc = xml.parse(await readFile(feedFile, "utf8")) as { rss?: { channel?: { item?: { link?: unknown }[] } } };
  return (doc.rss?.channel?.item ?? []).flatMap((item) =>
    typeof item.link === "string" ? (sitePath(item.link.trim(), site) ?? []) : [],
  );
}
