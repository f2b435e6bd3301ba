/**
 * Child-process entry for the bench: indexes a built site with Pagefind's Node API, the way
 * an `astro:build:done` integration does, for builds that did not index themselves.
 * Usage: node tools/bench/pagefindIndex.ts <site-dir>
 */
import { join } from "node:path";
import { close, createIndex } from "pagefind";

const site = process.argv[2];
if (!site) throw new Error("Usage: node tools/bench/pagefindIndex.ts <site-dir>");

const { index, errors } = await createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) throw new Error(`Pagefind indexing ${site} failed: ${added.errors.join("; ")}`);
const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join("; ")}`);
console.log(`Pagefind indexed ${added.page_count} pages into ${join(site, "pagefind")}`);
await close();
