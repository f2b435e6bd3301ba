import { createHash } from "node:crypto";
import { isAbsolute, resolve } from "node:path";

/**
 * The folder that holds `stories/`, `people/` and `sources/`.
 * `ARCHIVE_CONTENT_DIR` lets an archive keep its content in its own repository; a relative
 * path is taken from the current folder, like any command-line path (npm scripts run in the
 * project root, so every build process resolves it alike).
 */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromEnv = env["ARCHIVE_CONTENT_DIR"];
  if (fromEnv === undefined || fromEnv === "") return resolve(cwd, "content");
  return isAbsolute(fromEnv) ? fromEnv : resolve(cwd, fromEnv);
}

/**
 * Astro's cache folder for the current content root: the default for `content/`,
 * one per other root (ARCHIVE_CONTENT_DIR), or ARCHIVE_CACHE_DIR when a caller picks one.
 */
export function contentCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = env["ARCHIVE_CACHE_DIR"];
  if (chosen) return chosen;
  const root = contentRoot(env, cwd);
  if (root === resolve(cwd, "content")) return resolve(cwd, "node_modules/.astro");
  const key = createHash("sha256").update(root).digest("hex").slice(0, 16);
  return resolve(cwd, "node_modules/.astro-roots", key);
}
