import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearStaleContentCache, contentModuleFiles } from "../../tools/pipeline/staleContentCache.ts";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

const moduleList = (...files: string[]) =>
  `export default new Map([${files
    .map(
      (file) =>
        `["${file}", () => import("astro:content-layer-deferred-module?astro%3Acontent-layer-deferred-module=&fileName=${encodeURIComponent(file)}&astroContentModuleFlag=true")]`,
    )
    .join(",\n")}]);`;

/** A project with `.astro/content-modules.mjs` listing `listed`, a cache with a store, and `present` on disk. */
function project(listed: string[], present: string[]) {
  const root = mkdtempSync(join(tmpdir(), "archive-stale-cache-"));
  roots.push(root);
  const cache = join(root, "cache");
  mkdirSync(join(root, ".astro"), { recursive: true });
  mkdirSync(cache);
  mkdirSync(join(root, "content", "stories"), { recursive: true });
  writeFileSync(join(root, ".astro", "content-modules.mjs"), moduleList(...listed));
  writeFileSync(join(cache, "data-store.json"), "{}");
  for (const file of present) writeFileSync(join(root, file), "---\n---\n");
  return { root, cache };
}

describe("clearStaleContentCache", () => {
  it("reads the file names Astro's module list imports", () => {
    expect(contentModuleFiles(moduleList("content/stories/a b.mdx", "content/stories/c.mdx"))).toEqual([
      "content/stories/a b.mdx",
      "content/stories/c.mdx",
    ]);
  });

  it("drops the module list and the store when a listed story file is gone (renamed .mdx to .md)", () => {
    const { root, cache } = project(["content/stories/jane.mdx"], ["content/stories/jane.md"]);
    expect(clearStaleContentCache(root, cache)).toMatch(/content\/stories\/jane\.mdx, which no longer exists/);
    expect(existsSync(join(root, ".astro", "content-modules.mjs"))).toBe(false);
    expect(existsSync(join(cache, "data-store.json"))).toBe(false);
  });

  it("keeps a cache whose listed files all exist, and copes with no list at all", () => {
    const { root, cache } = project(["content/stories/jane.mdx"], ["content/stories/jane.mdx"]);
    expect(clearStaleContentCache(root, cache)).toBeUndefined();
    expect(existsSync(join(cache, "data-store.json"))).toBe(true);
    rmSync(join(root, ".astro"), { recursive: true });
    expect(clearStaleContentCache(root, cache)).toBeUndefined();
  });
});
