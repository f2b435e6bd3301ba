import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import type { SiteLocation } from "./siteUrls.ts";

/**
 * Readers for the three lists that tell the world what the site holds: the sitemap, the
 * Pagefind search index and the feed. Each returns site paths under the base ("stories/x/"),
 * or undefined when the list is not in the output at all.
 */

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

/**
 * Every page URL the sitemap lists (sitemap-index.xml, then each sitemap in it), in order, as
 * written; undefined when the build has no sitemap index. The tests read the sitemap through here too.
 */
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
  if (locations === undefined) return undefined;
  return new Set(locations.flatMap((loc) => sitePath(loc, site) ?? []));
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

/** Pagefind's signature at the start of every decompressed index file. */
const PAGEFIND_SIGNATURE = "pagefind_dcd";

/**
 * Every page in the Pagefind index, across all its shards (pagefind/shards.json lists the
 * extra bundles; missing means one). Each page is a fragment (fragment/*.pf_fragment: gzip,
 * then the signature, then JSON with the page's url). Pagefind records URLs from the output
 * root, so they may or may not carry the base; both read as the same site path.
 */
export async function readSearchIndex(dir: string, site: SiteLocation): Promise<Set<string> | undefined> {
  const primary = join(dir, "pagefind");
  if (!existsSync(join(primary, "pagefind-entry.json"))) return undefined;
  const paths = new Set<string>();
  for (const folder of ["pagefind/", ...(await extraShards(dir))]) {
    const bundle = join(dir, folder);
    if (!existsSync(join(bundle, "pagefind-entry.json"))) {
      throw new Error(`pagefind/shards.json lists ${folder}, which holds no search index in the build`);
    }
    await readFragmentUrls(join(bundle, "fragment"), site, paths);
  }
  return paths;
}

/** Site-relative folders of the extra search shards, from pagefind/shards.json. */
async function extraShards(dir: string): Promise<string[]> {
  const file = join(dir, "pagefind", "shards.json");
  if (!existsSync(file)) return [];
  const list: unknown = JSON.parse(await readFile(file, "utf8"));
  if (!Array.isArray(list) || !list.every((f): f is string => typeof f === "string")) {
    throw new Error("pagefind/shards.json must be a list of folder paths");
  }
  return list;
}

async function readFragmentUrls(fragmentDir: string, site: SiteLocation, paths: Set<string>): Promise<void> {
  const names = existsSync(fragmentDir) ? await readdir(fragmentDir) : [];
  const queue = names.filter((n) => n.endsWith(".pf_fragment"));
  // A few reads in flight at once: one fragment per page, so 10,000 small files.
  const readers = Array.from({ length: 16 }, async () => {
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      const text = gunzipSync(await readFile(join(fragmentDir, name))).toString("utf8");
      const json = text.startsWith(PAGEFIND_SIGNATURE) ? text.slice(PAGEFIND_SIGNATURE.length) : text;
      const url = (JSON.parse(json) as { url?: unknown }).url;
      if (typeof url !== "string") continue;
      const path = sitePath(url, site) ?? sitePath(url, { ...site, base: "/" });
      if (path !== undefined) paths.add(path);
    }
  });
  await Promise.all(readers);
}

/** Item links of the RSS feed, newest first as the feed lists them, as site paths. */
export async function readFeed(dir: string, file: string, site: SiteLocation): Promise<string[] | undefined> {
  const feedFile = join(dir, file);
  if (!existsSync(feedFile)) return undefined;
  const doc = xml.parse(await readFile(feedFile, "utf8")) as { rss?: { channel?: { item?: { link?: unknown }[] } } };
  return (doc.rss?.channel?.item ?? []).flatMap((item) => {
    const path = typeof item.link === "string" ? sitePath(item.link.trim(), site) : undefined;
    return path === undefined ? [] : [path];
  });
}
