import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

/** The content files `.astro/content-modules.mjs` imports, as project-relative paths. */
export function contentModuleFiles(source: string): string[] {
  return [...source.matchAll(/[?&]fileName=([^&"]+)/g)].map((match) => decodeURIComponent(match[1] ?? ""));
}

/**
 * Astro's cache keeps importing a story's old file after it moved to another file with the same id
 * (`jane.mdx` renamed to `jane.md`), and the bundler fails on it. When the list names a file that is
 * gone, this drops the list and the cached store so the next sync starts clean; returns what it did.
 */
export function clearStaleContentCache(projectRoot: string, cacheDir: string): string | undefined {
  // Astro's list of content files compiled as modules (MDX), written by every content sync.
  const list = join(projectRoot, ".astro/content-modules.mjs");
  if (!existsSync(list)) return undefined;
  const missing = contentModuleFiles(readFileSync(list, "utf8")).filter(
    (file) => !existsSync(resolve(projectRoot, file)),
  );
  if (missing.length === 0) return undefined;
  rmSync(list, { force: true });
  rmSync(join(cacheDir, "data-store.json"), { force: true });
  return `Content cache cleared: it still listed ${missing.join(", ")}, which no longer exist${missing.length === 1 ? "s" : ""}.`;
}
