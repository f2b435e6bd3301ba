import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { execFile } from "node:child_process";
import { findPackageJSON } from "node:module";
import { promisify } from "node:util";

/**
 * Pages per Pagefind index. Pagefind holds every indexed word of every page in memory while it
 * builds, so one index of a large archive outgrows a build machine; shards of this size keep each
 * one bounded (measured: docs/performance.md).
 */
export const PAGES_PER_SHARD = 2500;

/** Lists the extra shards' bundle paths for the browser; written next to pagefind.js. */
export const SHARDS_FILE = "shards.json";

/** Site-relative folder of shard `k`: the first is the ordinary bundle, so one shard is a plain index. */
export function shardFolder(k: number): string {
  return k === 0 ? "pagefind/" : `pagefind/shard-${k + 1}/`;
}

/** Splits pages into the fewest shards of at most `pagesPerShard`, sizes as even as possible, order kept. */
export function planShards<T>(pages: readonly T[], pagesPerShard: number = PAGES_PER_SHARD): T[][] {
  if (!Number.isInteger(pagesPerShard) || pagesPerShard < 1)
    throw new Error(`pagesPerShard must be a positive integer, got ${pagesPerShard}`);
  const count = Math.max(1, Math.ceil(pages.length / pagesPerShard));
  const size = Math.ceil(pages.length / count);
  return Array.from({ length: count }, (_, k) => pages.slice(k * size, (k + 1) * size));
}

/** What one HTML file offers the shard plan: its sort value and whether it marks a search body. */
interface PageFacts {
  file: string;
  value: string;
  hasBody: boolean;
}

const BODY_ATTRIBUTE = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/i;

async function readFacts(files: readonly string[], key: string | undefined): Promise<PageFacts[]> {
  const pattern = key ? new RegExp(`data-pagefind-sort="${key}"[^>]*>([^<]*)<`) : undefined;
  const facts: PageFacts[] = [];
  // One page at a time: reading 20,000 pages at once held over a gigabyte of page text.
  for (const file of files) {
    const html = await readFile(file, "utf8");
    facts.push({ file, value: pattern?.exec(html)?.[1]?.trim() ?? "", hasBody: BODY_ATTRIBUTE.test(html) });
  }
  return facts;
}

function byValueDescending(a: PageFacts, b: PageFacts): number {
  return b.value.localeCompare(a.value) || a.file.localeCompare(b.file);
}

/**
 * Sorts HTML files by the value of their `data-pagefind-sort="<key>"` element, highest first
 * (ISO dates sort as text), so shards become date ranges. Files without the key go last.
 */
export async function orderBySortKey(files: readonly string[], key: string): Promise<string[]> {
  return (await readFacts(files, key)).sort(byValueDescending).map((k) => k.file);
}

/**
 * The pages to shard. Pagefind indexes only pages with `data-pagefind-body` once any page has it;
 * applied per shard, a shard holding only the home and list pages would index them whole, so the
 * rule is applied here across the whole site. With no body anywhere every page is offered, as
 * Pagefind would, and the caller's guard reports it.
 */
async function pagesToShard(files: readonly string[], sortKey: string | undefined): Promise<string[]> {
  const facts = await readFacts(files, sortKey);
  const withBody = facts.filter((f) => f.hasBody);
  const pages = withBody.length > 0 ? withBody : facts;
  return (sortKey ? pages.sort(byValueDescending) : pages).map((f) => f.file);
}

/**
 * A temporary folder beside `site` holding just this shard's pages at their site paths, as hard
 * links (copies if the file system refuses), so Pagefind reads them itself and computes the same URLs.
 */
async function linkShard(site: string, files: readonly string[]): Promise<string> {
  const folder = await mkdtemp(join(dirname(site), ".pagefind-shard-"));
  for (const file of files) {
    const target = join(folder, relative(site, file));
    await mkdir(dirname(target), { recursive: true });
    await link(file, target).catch(() => copyFile(file, target));
  }
  return folder;
}

/** What `writeShardedIndex` did. */
export interface ShardedIndex {
  /** Site-relative bundle folders, primary first. */
  folders: string[];
  /** HTML files offered to Pagefind per shard. */
  files: number[];
  /** HTML files in the site, indexed or not. */
  htmlFiles: number;
}

/** Pagefind's command line, found through its package's own `bin` entry and run with this Node. */
async function pagefindCommand(): Promise<string> {
  const manifest = findPackageJSON("pagefind", import.meta.url);
  if (!manifest) throw new Error("Pagefind is not installed. Run npm install.");
  const { bin } = JSON.parse(await readFile(manifest, "utf8")) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === "string" ? bin : (bin["pagefind"] ?? ""));
}

/**
 * Indexes the HTML in `folder` into `outputPath` with Pagefind's command line, a process per call, so
 * its memory is returned when it exits. The command line indexes on every core; the Node API's
 * service wrote the same bundle on one, about a third slower (docs/performance.md).
 */
async function indexFolder(
  command: string,
  folder: string,
  outputPath: string,
  forceLanguage: string | undefined,
): Promise<void> {
  const args = ["--site", folder, "--output-path", outputPath, "--quiet"];
  if (forceLanguage) args.push("--force-language", forceLanguage);
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

/**
 * Indexes the HTML under `site` into one Pagefind index per `pagesPerShard` files, one shard at
 * a time, each in its own Pagefind process so its memory is returned before the next starts.
 * With `sortKey` (e.g. "date") pages are ordered by it, newest first, so shards are date ranges
 * and a date-sorted search can read them in order. A site within one shard is indexed as one
 * plain bundle. Writes `pagefind/shards.json`, the extra shards' folders.
 */
export async function writeShardedIndex(
  site: string,
  options: { pagesPerShard?: number; sortKey?: string; forceLanguage?: string } = {},
): Promise<ShardedIndex> {
  const files = await htmlFiles(site);
  const pagesPerShard = options.pagesPerShard ?? PAGES_PER_SHARD;
  // Within one shard nothing needs reading: Pagefind reads the folder itself.
  const shards =
    files.length <= pagesPerShard ? [files] : planShards(await pagesToShard(files, options.sortKey), pagesPerShard);
  const result: ShardedIndex = { folders: [], files: [], htmlFiles: files.length };
  const command = await pagefindCommand();
  for (const [k, shard] of shards.entries()) {
    // Pagefind reads the files itself from a folder of links, so no page text passes through Node.
    const folder = shards.length === 1 ? site : await linkShard(site, shard);
    try {
      await indexFolder(command, folder, join(site, shardFolder(k)), options.forceLanguage);
    } finally {
      if (folder !== site) await rm(folder, { recursive: true, force: true });
    }
    result.folders.push(shardFolder(k));
    result.files.push(shard.length);
  }
  await writeFile(join(site, shardFolder(0), SHARDS_FILE), JSON.stringify(result.folders.slice(1)));
  return result;
}
