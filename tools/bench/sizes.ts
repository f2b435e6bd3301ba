/** Sizes of what a build wrote: the whole site, its search index, its feeds. */
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

const FEED = /(^|\/)(rss|atom|feed)\.xml$|\.rss$/;

/** The whole site, its `pagefind/` folder, and every RSS/Atom feed in it by site path, largest first. */
export async function siteSizes(site: string) {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  const paths = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const files = await Promise.all(
    paths.map(async (path) => ({ path: relative(site, path), bytes: (await stat(path)).size })),
  );
  // Bytes and files under a folder, and how many of them are HTML pages.
  const tree = (list: typeof files) => ({
    bytes: list.reduce((sum, file) => sum + file.bytes, 0),
    files: list.length,
    htmlPages: list.filter((file) => file.path.endsWith(".html")).length,
  });
  return {
    dist: tree(files),
    indexSize: tree(files.filter((file) => file.path.startsWith("pagefind/"))),
    feeds: files
      .filter((file) => FEED.test(file.path))
      .map((file) => ({ path: `/${file.path}`, bytes: file.bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
