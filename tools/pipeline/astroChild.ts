/**
 * Child-process entry for `npm run build` (see runAstroBuild.ts): runs Astro's build into the folder
 * named by argv[2] and reports the resolved base and site, or the described error, over IPC.
 */
import { build, type AstroConfig } from "astro";
import { describeBuildError } from "./describeBuildError.ts";
import type { AstroChildMessage } from "./runAstroBuild.ts";

let config: AstroConfig | undefined;
let message: AstroChildMessage;
try {
  if (!process.argv[2] || !process.send)
    throw new Error("tools/pipeline/astroChild.ts runs only as a child of tools/build.ts.");
  // Astro's resolved config (base, site), so the check reads the same values Astro used; astro.config.mjs
  // picks the cache folder (ARCHIVE_CACHE_DIR, or one per content root).
  const capture = {
    name: "archive-capture-config",
    hooks: {
      "astro:config:done": ({ config: resolved }: { config: AstroConfig }) => {
        config = resolved;
      },
    },
  };
  await build({ outDir: process.argv[2], integrations: [capture] });
  message = config
    ? { ok: true, base: config.base, site: config.site }
    : { ok: false, report: "Astro finished without reporting its configuration; nothing was checked." };
} catch (error) {
  message = { ok: false, report: describeBuildError(error) };
}
if (process.send) await new Promise((resolve) => process.send?.(message, resolve));
else console.error(message.ok ? "" : message.report);
// Vite can leave handles open after a programmatic build; the work is done.
process.exit(0);
