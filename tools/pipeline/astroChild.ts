/**
 * Child-process entry for `npm run build` (see runAstroBuild.ts): runs Astro's build into the
 * folder named by argv[2] and reports the resolved base and site, or the described error,
 * to the parent over IPC. Its own process, so its memory is returned to the system on exit.
 */
import { build, type AstroConfig, type AstroIntegration } from "astro";
import { describeBuildError } from "./describeBuildError.ts";
import type { AstroChildMessage } from "./runAstroBuild.ts";

const outDir = process.argv[2];

function report(message: AstroChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) throw new Error("tools/pipeline/astroChild.ts runs only as a child of tools/build.ts.");
    process.send(message, () => resolve());
  });
}

/** Hands back Astro's resolved config (base, site) so the check reads the same values Astro used. */
function captureConfig(onConfig: (config: AstroConfig) => void): AstroIntegration {
  return { name: "archive-capture-config", hooks: { "astro:config:done": ({ config }) => onConfig(config) } };
}

let config: AstroConfig | undefined;
try {
  if (!outDir) throw new Error("tools/pipeline/astroChild.ts needs the output folder as its argument.");
  // astro.config.mjs picks the cache folder (ARCHIVE_CACHE_DIR, or one per content root).
  await build({ outDir, integrations: [captureConfig((resolved) => (config = resolved))] });
  await report(
    config
      ? { ok: true, base: config.base, site: config.site }
      : { ok: false, report: "Astro finished without reporting its configuration; nothing was checked." },
  );
} catch (error) {
  await report({ ok: false, report: describeBuildError(error) });
}
// Vite can leave handles open after a programmatic build; the work is done.
process.exit(0);
