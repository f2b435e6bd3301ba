/**
 * Child-process entry for the bench's sharding option: indexes a built site with
 * src/integrations/pagefindShards.ts, one Pagefind index per `pagesPerShard` HTML files.
 * Usage: node scripts/bench/pagefindShards.ts <site-dir> <pages-per-shard>
 */
import { writeShardedIndex } from "../../src/integrations/pagefindShards.ts";

const [site, sizeText] = process.argv.slice(2);
const pagesPerShard = Number(sizeText);
if (!site || !Number.isInteger(pagesPerShard) || pagesPerShard < 1)
  throw new Error("Usage: node scripts/bench/pagefindShards.ts <site-dir> <pages-per-shard>");

// Ordered by the date sort key when pages carry one (the search branch adds it), as the site would be.
const { folders, files: counts } = await writeShardedIndex(site, {
  pagesPerShard,
  sortKey: "date",
  pagefind: { forceLanguage: "en" },
});
console.log(folders.map((folder, k) => `${folder}: ${counts[k]} files`).join("\n"));
