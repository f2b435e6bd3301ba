/**
 * Child-process entry for the bench's default index step: indexes a built site exactly as
 * `npm run build` does once Astro has exited (src/integrations/pagefind.ts, buildSearchIndex).
 * Usage: node tools/bench/pagefindShards.ts <site-dir> [pages-per-shard]
 */
import { buildSearchIndex, PAGES_PER_SHARD_ENV } from "../../src/integrations/pagefind.ts";

const [site, pagesPerShard] = process.argv.slice(2);
if (!site) throw new Error("Usage: node tools/bench/pagefindShards.ts <site-dir> [pages-per-shard]");
if (pagesPerShard) process.env[PAGES_PER_SHARD_ENV] = pagesPerShard;
console.log(await buildSearchIndex(site));
