import { createHash } from "node:crypto";
import { isAbsolute, resolve } from "node:path";

/** The folder holding `stories/`, `people/` and `sources/`: `content/`, or ARCHIVE_CONTENT_DIR (relative to the current folder). */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromEnv = env["ARCHIVE_CONTENT_DIR"];
  if (fromEnv === undefined || fromEnv === "") return resolve(cwd, "content");
  return isAbsolute(fromEnv) ? fromEnv : resolve(cwd, fromEnv);
}

/** Astro's cache folder: ARCHIVE_CACHE_DIR, else the default for `content/` and one per other content root. */
export function contentCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = env["ARCHIVE_CACHE_DIR"];
  if (chosen) return chosen;
  const root = contentRoot(env, cwd);
  if (root === resolve(cwd, "content")) return resolve(cwd, "node_modules/.astro");
  const key = createHash("sha256").update(root).digest("hex").slice(0, 16);
  return resolve(cwd, "node_modules/.astro-roots", key);
}
