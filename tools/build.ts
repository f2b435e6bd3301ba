/**
 * `npm run build`: check the content, build into a staging folder, check the built site, and only
 * then swap it in for dist/ (docs/reliability.md). Any failure leaves dist/ exactly as it was and
 * exits 1 with what to fix. ARCHIVE_OUT_DIR moves dist/, ARCHIVE_CACHE_DIR moves Astro's cache.
 */
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { acquireBuildLock, type BuildLock } from "./pipeline/buildLock.ts";
import {
  checkWriteAccess,
  discardStaging,
  moveBuildToStaging,
  outputPaths,
  publishedStoryCount,
  recoverInterruptedSwap,
  swapIntoPlace,
} from "./pipeline/outputSwap.ts";
import { runAstroBuild } from "./pipeline/runAstroBuild.ts";
import { clearStaleContentCache } from "./pipeline/staleContentCache.ts";
import { checkContent } from "./preflight/preflight.ts";
import { displayPath, formatProblems } from "./preflight/problems.ts";
import { checkSite } from "./integrity/checkSite.ts";
import { buildSearchIndex } from "../src/integrations/pagefind.ts";
import { contentCacheDir, contentRoot } from "../src/lib/contentRoot.ts";
import { siteSetting, type SiteSetting } from "../src/lib/siteUrl.ts";

const paths = outputPaths();
const live = displayPath(paths.live);
let lock: BuildLock | undefined;
const interrupted = new AbortController();

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function fail(report: string, exitCode = 1): never {
  if (lock) {
    // Only the lock's holder may touch staging: another build may be using it.
    try {
      discardStaging(paths);
    } catch (error) {
      report += `\n\n${message(error)}`;
    }
    lock.release();
  }
  const kept = existsSync(paths.live) ? `${live}/ was left as it was.` : `Nothing was written to ${live}/.`;
  process.stderr.write(`\nBuild failed.\n\n${report.trimEnd()}\n\n${kept}\n`);
  process.exit(exitCode);
}

// Ctrl-C or a SIGTERM (from `npm start`, a CI timeout) stops the Astro child too and cleans up.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    interrupted.abort();
    fail(`Stopped by ${signal}.`, 128 + constants.signals[signal]);
  });
}

/** Every step of the build; throws a sentence for the user when one fails. Returns the closing summary. */
async function build(site: SiteSetting): Promise<string> {
  if (site.local) console.log(`Local build: links point at ${site.site} (ARCHIVE_LOCAL). Not for publishing.`);
  checkWriteAccess(paths);
  lock = await acquireBuildLock(paths.lock, `${live}/`, { timeoutMs: 15 * 60_000, pollMs: 500, onWait: console.log });
  const cleared = clearStaleContentCache(process.cwd(), contentCacheDir());
  for (const note of [lock.tookOver, recoverInterruptedSwap(paths), cleared]) if (note) console.log(note);

  const content = checkContent(contentRoot());
  if (content.problems.length > 0) throw new Error(`${formatProblems(content.problems)}\nNothing was built.`);

  // Astro in its own process, then the search index once it has exited: the two never hold
  // memory at the same time (docs/performance.md).
  const config = await runAstroBuild(paths.build, interrupted.signal);
  moveBuildToStaging(paths);
  console.log(`[pagefind] ${await buildSearchIndex(paths.staging)}`);

  const report = await checkSite({ dir: paths.staging, ...config, stories: content.stories });
  if (report.problems.length > 0) {
    const count = report.problems.length === 1 ? "1 problem" : `${report.problems.length} problems`;
    throw new Error(`The built site has ${count}:\n\n${report.problems.map((p) => `- ${p}`).join("\n")}`);
  }
  // Removing stories can be right, so this only warns; the count makes an accident visible.
  const before = publishedStoryCount(paths.live);
  if (before > content.stories.length) {
    console.warn(
      `warning: this build publishes ${content.stories.length} stories; the site it replaces had ${before}.`,
    );
  }
  try {
    const leftOver = swapIntoPlace(paths);
    if (leftOver) console.warn(`warning: ${leftOver}`);
  } catch (error) {
    throw new Error(`The checked site could not be moved into place: ${message(error)}`, { cause: error });
  }
  lock.release();
  const { stats } = report;
  return [
    `\nIntegrity check passed in ${stats.ms} ms: ${stats.pages} pages, ${stats.files} files, ${stats.stories} stories,`,
    `${stats.links} links (${stats.internal} internal, ${stats.anchors} to anchors, ${stats.external} external),`,
    `search index: ${stats.searchIndexed ?? "not built"}, feed items: ${stats.feedItems ?? "no feed"}.`,
    `Published to ${live}/${site.local ? ` (a local build for ${site.site})` : ""}.`,
  ].join("\n");
}

let site: SiteSetting;
try {
  site = siteSetting(process.env, "build");
} catch (error) {
  fail(`${message(error)}\n\nNothing was built.`);
}
await build(site).then(console.log, (error: unknown) => fail(message(error)));
// Vite can leave handles open after a programmatic build; the work is done.
process.exit(0);
