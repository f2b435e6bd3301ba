/** Sizes of what a build wrote: the whole site, its search index, its feeds. */
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** Bytes and files under a folder, and how many of them are HTML pages. */
export interface TreeSize {
  bytes: number;
  files: number;
  htmlPages: number;
}

/** Every file under `dir` with its size; none when the folder does not exist. */
async function filesUnder(dir: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, bytes: (await stat(path)).size })));
}

/** Total size of a folder; zeros when it does not exist. */
export async function treeSize(dir: string): Promise<TreeSize> {
  const files = await filesUnder(dir);
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  return { bytes, files: files.length, htmlPages: files.filter((file) => file.path.endsWith(".html")).length };
}

/** Every RSS/Atom feed in a built site (`rss.xml`, `*.rss`, `atom.xml`), by site path, largest first. */
export async function feedSizes(dist: string): Promise<{ path: string; bytes: number }[]> {
  const feeds = (await filesUnder(dist)).filter((file) => /(^|\/)(rss|atom|feed)\.xml$|\.rss$/.test(file.path));
  return feeds
    .map((file) => ({ path: `/${relative(dist, file.path)}`, bytes: file.bytes }))
    .sort((a, b) => b.bytes - a.bytes);
}
