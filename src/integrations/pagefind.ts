import type { AstroIntegration } from "astro";
import { readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { positiveIntegerSetting } from "../lib/envSetting.ts";
import { PAGES_PER_SHARD, writeShardedIndex } from "./pagefindShards.ts";

/** Folder, inside the build output, that holds the search bundle; pages load it from `${base}pagefind/`. */
export const PAGEFIND_DIR = "pagefind/";

/**
 * Pagefind's ready-made interfaces. The archive has its own accessible search page,
 * so these ~400 KB would only be dead weight in every deploy.
 */
const UNUSED_UI_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
];

/**
 * Set by `npm run build` for the Astro process it starts: the build script indexes the site itself
 * once Astro has exited (see `buildSearchIndex`).
 */
export const INDEX_AFTER_ASTRO_ENV = "ARCHIVE_INDEX_AFTER_ASTRO";

/**
 * Builds the Pagefind index as the last step of `astro build`, from the HTML Astro just wrote.
 * It reads whatever output folder Astro hands the hook, so staged builds index themselves.
 * Under `npm run build` it hands the work to the build script instead: Pagefind then runs after
 * the Astro process has exited rather than beside the 1 to 2 GB it still holds (docs/performance.md).
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "archive-pagefind",
    hooks: {
      // A bad ARCHIVE_PAGES_PER_SHARD fails before pages render, not after.
      "astro:config:setup": () => void pagesPerShard(),
      "astro:build:done": async ({ dir, logger }) => {
        const log = logger.fork("pagefind");
        if (process.env[INDEX_AFTER_ASTRO_ENV] === "1") {
          log.info("Search index: built by npm run build once Astro has exited.");
          return;
        }
        log.info(await buildSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}

/** Environment variable that overrides the pages per shard (tests force a tiny shard size). */
export const PAGES_PER_SHARD_ENV = "ARCHIVE_PAGES_PER_SHARD";

/** Pages per search shard: `ARCHIVE_PAGES_PER_SHARD` when set, else the measured default. */
export function pagesPerShard(env: Record<string, string | undefined> = process.env): number {
  return positiveIntegerSetting(PAGES_PER_SHARD_ENV, PAGES_PER_SHARD, "pages", env);
}

/**
 * Indexes the built site in the folder `site` with Pagefind's Node API, in shards, and removes
 * Pagefind's unused UI files. Throws if no page marks its searchable part. Returns a one-line summary.
 */
export async function buildSearchIndex(site: string): Promise<string> {
  const started = performance.now();
  const outputPath = join(site, PAGEFIND_DIR);
  // One index per shard keeps Pagefind's memory bounded; a site within one shard gets one plain index.
  // English only: stemming stays stable even if a page forgets its lang attribute.
  const written = await writeShardedIndex(site, {
    pagesPerShard: pagesPerShard(),
    sortKey: "date",
    forceLanguage: "en",
  });
  const shardPaths = written.folders.map((folder) => join(site, folder));
  const indexed = (await Promise.all(shardPaths.map(indexedPageCount))).reduce((sum, n) => sum + n, 0);
  const htmlFiles = written.htmlFiles;
  // When no page carries data-pagefind-body, Pagefind indexes every page whole, menus and
  // footers included. The home and 404 pages never carry it, so "all pages" means it is missing.
  if (indexed === 0 || indexed >= htmlFiles) {
    await rm(outputPath, { recursive: true, force: true });
    throw new Error(
      `Pagefind indexed ${indexed} of ${htmlFiles} HTML files in ${site}, so no page carries data-pagefind-body ` +
        `and navigation would be searchable. Put data-pagefind-body on the story page's <article>.`,
    );
  }
  await Promise.all(shardPaths.flatMap((path) => UNUSED_UI_FILES.map((file) => rm(join(path, file), { force: true }))));
  const shards = written.folders.length === 1 ? "" : ` in ${written.folders.length} shards`;
  return `Indexed ${indexed} of ${htmlFiles} HTML files into ${outputPath}${shards} in ${Math.round(performance.now() - started)} ms.`;
}

/** Pages in one written index, read from Pagefind's entry file (its count covers every language). */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}
