/** Sizes of what a build wrote: the whole site, its search index, its feeds. */
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** Bytes and files under a folder, and how many of them are HTML pages. */
export interface TreeSize {
  bytes: number;
  files: number;
  htmlPages: number;
}

async function walk(dir: string, visit: (path: string, bytes: number) => void): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, visit);
    else if (entry.isFile()) visit(path, (await stat(path)).size);
  }
}

/** Total size of a folder; zeros when it does not exist. */
export async function treeSize(dir: string): Promise<TreeSize> {
  const size: TreeSize = { bytes: 0, files: 0, htmlPages: 0 };
  try {
    await walk(dir, (path, bytes) => {
      size.bytes += bytes;
      size.files += 1;
      if (path.endsWith(".html")) size.htmlPages += 1;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return size;
}

/** Every RSS/Atom feed in a built site (`rss.xml`, `*.rss`, `atom.xml`), by site path. */
export async function feedSizes(dist: string): Promise<{ path: string; bytes: number }[]> {
  const feeds: { path: string; bytes: number }[] = [];
  await walk(dist, (path, bytes) => {
    if (/(^|\/)(rss|atom|feed)\.xml$|\.rss$/.test(path)) feeds.push({ path: `/${relative(dist, path)}`, bytes });
  });
  return feeds.sort((a, b) => b.bytes - a.bytes);
}
