/**
 * Child-process entry for the bench's sharding option: indexes a built site with
 * src/integrations/pagefindShards.ts, one Pagefind index per `pagesPerShard` HTML files.
 * Usage: node scripts/bench/pagefindShards.ts <site-dir> <pages-per-shard>
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { writeShardedIndex } from "../../src/integrations/pagefindShards.ts";

const [site, sizeText] = process.argv.slice(2);
const pagesPerShard = Number(sizeText);
if (!site || !Number.isInteger(pagesPerShard) || pagesPerShard < 1) throw new Error("Usage: node scripts/bench/pagefindShards.ts <site-dir> <pages-per-shard>");

const entries = await readdir(site, { withFileTypes: true, recursive: true });
const files = entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name)).sort();
const { folders, files: counts } = await writeShardedIndex(site, files, { pagesPerShard, pagefind: { forceLanguage: "en" } });
console.log(folders.map((folder, k) => `${folder}: ${counts[k]} files`).join("\n"));
