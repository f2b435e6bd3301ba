import type { AstroIntegration } from "astro";
import { execFile } from "node:child_process";
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { findPackageJSON } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { positiveIntegerSetting } from "../lib/envSetting.ts";

/** Pages per Pagefind index: Pagefind holds every word of its pages in memory while it builds (docs/performance.md). */
export const PAGES_PER_SHARD = 2500;

/** Environment variable that overrides the pages per shard (tests force a tiny shard size). */
export const PAGES_PER_SHARD_ENV = "ARCHIVE_PAGES_PER_SHARD";

/** Set by `npm run build` for the Astro process it starts: the build script indexes the site once Astro has exited. */
export const INDEX_AFTER_ASTRO_ENV = "ARCHIVE_INDEX_AFTER_ASTRO";

/** Lists the extra shards' bundle paths for the browser; written next to pagefind.js. */
export const SHARDS_FILE = "shards.json";

/** Pagefind's ready-made interfaces: the archive has its own search page, so they would be dead weight. */
const UNUSED_UI_FILES = ["pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui"].flatMap((name) => [
  `${name}.js`,
  `${name}.css`,
]);

/** Indexes the site at the end of `astro build`, in the folder Astro hands the hook; `npm run build` indexes after Astro exits instead. */
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

/** Pages per search shard: `ARCHIVE_PAGES_PER_SHARD` when set, else the measured default. */
export function pagesPerShard(env: Record<string, string | undefined> = process.env): number {
  return positiveIntegerSetting(PAGES_PER_SHARD_ENV, PAGES_PER_SHARD, "pages", env);
}

/** Indexes the built site in `site` in shards and removes Pagefind's unused UI; throws if no page marks its searchable part. */
export async function buildSearchIndex(site: string): Promise<string> {
  const started = performance.now();
  const { folders, htmlFiles: htmlCount } = await writeShardedIndex(site, pagesPerShard());
  const shardPaths = folders.map((folder) => join(site, folder));
  const indexed = (await Promise.all(shardPaths.map(indexedPageCount))).reduce((sum, n) => sum + n, 0);
  // Without data-pagefind-body anywhere Pagefind indexes every page whole, menus included;
  // the home and 404 pages never carry it, so "all pages" means it is missing.
  if (indexed === 0 || indexed >= htmlCount) {
    await rm(join(site, shardFolder(0)), { recursive: true, force: true });
    throw new Error(
      `Pagefind indexed ${indexed} of ${htmlCount} HTML files in ${site}, so no page carries data-pagefind-body ` +
        `and navigation would be searchable. Put data-pagefind-body on the story page's <article>.`,
    );
  }
  await Promise.all(shardPaths.flatMap((path) => UNUSED_UI_FILES.map((file) => rm(join(path, file), { force: true }))));
  const shards = folders.length === 1 ? "" : ` in ${folders.length} shards`;
  return `Indexed ${indexed} of ${htmlCount} HTML files into ${join(site, shardFolder(0))}${shards} in ${Math.round(performance.now() - started)} ms.`;
}

/** Pages in one written index, read from Pagefind's entry file (its count covers every language). */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/** Site-relative folder of shard `k`: the first is the ordinary bundle, so one shard is a plain index. */
export function shardFolder(k: number): string {
  return k === 0 ? "pagefind/" : `pagefind/shard-${k + 1}/`;
}

/** Splits pages into the fewest shards of at most `pagesPerShard`, sizes as even as possible, order kept. */
export function planShards<T>(pages: readonly T[], pagesPerShard: number): T[][] {
  if (!Number.isInteger(pagesPerShard) || pagesPerShard < 1)
    throw new Error(`pagesPerShard must be a positive integer, got ${pagesPerShard}`);
  const count = Math.max(1, Math.ceil(pages.length / pagesPerShard));
  const size = Math.ceil(pages.length / count);
  return Array.from({ length: count }, (_, k) => pages.slice(k * size, (k + 1) * size));
}

/** The pages to shard, newest first by `data-pagefind-sort="date"`, undated last; Pagefind's rule (only pages with a body, once any has one) applied site-wide, not per shard. */
export async function pagesToShard(files: readonly string[]): Promise<string[]> {
  const facts = [];
  // One page at a time: reading 20,000 pages at once held over a gigabyte of page text.
  for (const file of files) {
    const html = await readFile(file, "utf8");
    const date = /data-pagefind-sort="date"[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? "";
    facts.push({ file, date, hasBody: /<[a-z][^>]*\sdata-pagefind-body[\s=>]/i.test(html) });
  }
  // Newest first (ISO dates sort as text), so shards are date ranges; undated pages go last.
  facts.sort((a, b) => b.date.localeCompare(a.date) || a.file.localeCompare(b.file));
  const withBody = facts.filter((f) => f.hasBody);
  return (withBody.length > 0 ? withBody : facts).map((f) => f.file);
}

/** A folder beside `site` holding one shard's pages at their site paths, as hard links (else copies), so URLs match. */
async function linkShard(site: string, files: readonly string[]): Promise<string> {
  const folder = await mkdtemp(join(dirname(site), ".pagefind-shard-"));
  for (const file of files) {
    const target = join(folder, relative(site, file));
    await mkdir(dirname(target), { recursive: true });
    await link(file, target).catch(() => copyFile(file, target));
  }
  return folder;
}

/** Pagefind's command line, found through its package's own `bin` entry. */
async function pagefindCommand(): Promise<string> {
  const manifest = findPackageJSON("pagefind", import.meta.url);
  if (!manifest) throw new Error("Pagefind is not installed. Run npm install.");
  const { bin } = JSON.parse(await readFile(manifest, "utf8")) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === "string" ? bin : (bin["pagefind"] ?? ""));
}

/** Indexes `folder` into `outputPath` in a Pagefind process of its own, in English whatever a page's lang (docs/search.md). */
async function indexFolder(command: string, folder: string, outputPath: string): Promise<void> {
  const args = ["--site", folder, "--output-path", outputPath, "--quiet", "--force-language", "en"];
  try {
    await promisify(execFile)(process.execPath, [command, ...args], { maxBuffer: 16 << 20 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Pagefind could not index ${folder}:\n${`${stdout}${stderr}`.trim() || String(error)}`, {
      cause: error,
    });
  }
}

/** Every HTML file under `site`, sorted, except a search bundle already there. */
export async function htmlFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(site, file).startsWith(shardFolder(0)))
    .sort();
}

/** Indexes `site` in date-range shards of `pagesPerShard` pages, one at a time, and lists the extra ones in `pagefind/shards.json`. */
export async function writeShardedIndex(site: string, pagesPerShard = PAGES_PER_SHARD) {
  const files = await htmlFiles(site);
  // Within one shard nothing needs reading: Pagefind reads the folder itself.
  const shards = files.length <= pagesPerShard ? [files] : planShards(await pagesToShard(files), pagesPerShard);
  const folders = shards.map((_, k) => shardFolder(k));
  const command = await pagefindCommand();
  for (const [k, shard] of shards.entries()) {
    // Pagefind reads the files itself from a folder of links, so no page text passes through Node.
    const folder = shards.length === 1 ? site : await linkShard(site, shard);
    try {
      await indexFolder(command, folder, join(site, shardFolder(k)));
    } finally {
      if (folder !== site) await rm(folder, { recursive: true, force: true });
    }
  }
  await writeFile(join(site, shardFolder(0), SHARDS_FILE), JSON.stringify(folders.slice(1)));
  return { folders, htmlFiles: files.length };
}
