import { fork } from "node:child_process";
import { INDEX_AFTER_ASTRO_ENV } from "../../src/integrations/pagefind.ts";

/** What the Astro child process tells `npm run build`. */
export type AstroChildMessage = { ok: true; base: string; site: string | undefined } | { ok: false; report: string };

/**
 * Runs `astro build` into `outDir` in a child process, without the search index, and resolves with
 * the base and site it used, or rejects with a described error. Astro keeps 1 to 2 GB resident to
 * the end; once its process exits, the index gets that memory (docs/performance.md).
 */
export function runAstroBuild(
  outDir: string,
  signal?: AbortSignal,
): Promise<{ base: string; site: string | undefined }> {
  return new Promise((resolve, reject) => {
    let message: AstroChildMessage | undefined;
    const child = fork(new URL("./astroChild.ts", import.meta.url), [outDir], {
      env: { ...process.env, [INDEX_AFTER_ASTRO_ENV]: "1" },
      stdio: "inherit",
      // An interrupted build (Ctrl-C, SIGTERM) takes its Astro process with it.
      ...(signal ? { signal } : {}),
    });
    child.on("message", (received: AstroChildMessage) => (message = received));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (message?.ok) resolve({ base: message.base, site: message.site });
      else if (message) reject(new Error(message.report));
      else reject(new Error(`Astro's build process ended (${signal ?? `exit code ${code}`}) without a result.`));
    });
  });
}
