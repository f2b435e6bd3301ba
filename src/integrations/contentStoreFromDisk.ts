import type { AstroIntegration } from "astro";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** Astro's virtual module holding the whole content store (every story's rendered HTML). */
export const DATA_STORE_MODULE = "astro:data-layer-content";
const RESOLVED_ID = "\0archive:content-store-from-disk";
/** The Vite environment that renders static pages at build time; its bundle never ships. */
const PRERENDER_ENVIRONMENT = "prerender";

/** The module that replaces the inlined store: read and parse the store Astro just wrote. */
export function storeReaderModule(storeFile: string): string {
  return `import { readFileSync } from "node:fs";\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, "utf8"));\n`;
}

/** In the prerender environment only, `astro:data-layer-content` becomes a module reading the store file; `onUse` is told. */
export function contentStoreFromDiskPlugin(storeFile: string, onUse: () => void): Plugin {
  return {
    name: "archive-content-store-from-disk",
    // "pre" so this runs before Astro's own resolver for the same id.
    resolveId: {
      order: "pre",
      handler(id) {
        if (id !== DATA_STORE_MODULE || this.environment.name !== PRERENDER_ENVIRONMENT) return undefined;
        // No store file (no collections yet): let Astro do what it does without one.
        return existsSync(storeFile) ? RESOLVED_ID : undefined;
      },
    },
    load: {
      order: "pre",
      handler(id) {
        if (id !== RESOLVED_ID) return undefined;
        onUse();
        return { code: storeReaderModule(storeFile), map: null };
      },
    },
  };
}

/** Reads the content store from the file Astro wrote instead of inlining it in the prerender bundle (docs/performance.md). */
export function contentStoreFromDisk(): AstroIntegration {
  let used = false;
  let storeFile: string | undefined;
  return {
    name: "archive-content-store-from-disk",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig, logger }) => {
        if (command !== "build") return;
        if (config.adapter) {
          logger.info(`${config.adapter.name} may prerender outside Node: the content store stays bundled.`);
          return;
        }
        storeFile = fileURLToPath(new URL("data-store.json", config.cacheDir));
        updateConfig({ vite: { plugins: [contentStoreFromDiskPlugin(storeFile, () => (used = true))] } });
      },
      "astro:build:done": ({ logger }) => {
        if (storeFile && existsSync(storeFile) && !used) {
          logger.warn(
            `the content store was bundled inline (${DATA_STORE_MODULE} was never requested): pages are right, but large ` +
              "archives build slower and use more memory. Has Astro renamed it? See docs/performance.md.",
          );
        }
      },
    },
  };
}
