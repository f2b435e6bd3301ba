/**
 * Child-process entry for the bench's separate index step: `shards[:P]` indexes a built site as
 * `npm run build` does once Astro has exited (buildSearchIndex, P pages a shard); `api` makes one
 * index with Pagefind's Node API, as an `astro:build:done` integration would.
 * Usage: node tools/bench/indexSite.ts <site-dir> shards[:P]|api
 */
import { join } from "node:path";
import { close, createIndex } from "pagefind";
import { buildSearchIndex, PAGES_PER_SHARD_ENV } from "../../src/integrations/pagefind.ts";

const [site, how = "shards"] = process.argv.slice(2);
if (!site) throw new Error("Usage: node tools/bench/indexSite.ts <site-dir> shards[:P]|api");
if (how.startsWith("shards")) {
  const pagesPerShard = how.slice("shards:".length);
  if (pagesPerShard) process.env[PAGES_PER_SHARD_ENV] = pagesPerShard;
  console.log(await buildSearchIndex(site));
} else {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: site });
  if (added.errors.length > 0) throw new Error(`Pagefind indexing ${site} failed: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join("; ")}`);
  console.log(`Pagefind indexed ${added.page_count} pages into ${join(site, "pagefind")}`);
  await close();
}
