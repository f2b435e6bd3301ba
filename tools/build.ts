/**
 * `npm run build`: check the content, build into a staging folder, check the built site,
 * and only then swap it in for dist/. Any failure leaves dist/ exactly as it was and exits 1
 * with what to fix. ARCHIVE_OUT_DIR moves dist/ (tests use it); ARCHIVE_CACHE_DIR moves
 * Astro's cache (tests use it so fixture builds do not share a content cache). One build per
 * output folder at a time (a lock beside it); an unwritable output folder is refused first.
 */
import { existsSync } from "node:fs";
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
let lock: BuildLock | undefined;
const interrupted = new AbortController();

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

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
  const live = displayPath(paths.live);
  const kept = existsSync(paths.live) ? `${live}/ was left as it was.` : `Nothing was written to ${live}/.`;
  process.stderr.write(`\nBuild failed.\n\n${report.trimEnd()}\n\n${kept}\n`);
  process.exit(exitCode);
}

let site: SiteSetting;
try {
  site = siteSetting(process.env, "build");
} catch (error) {
  fail(`${message(error)}\n\nNothing was built.`);
}
if (site.local) console.log(`Local build: links point at ${site.site} (ARCHIVE_LOCAL). Not for publishing.`);

// Ctrl-C or a SIGTERM (from `npm start`, a CI timeout) stops the Astro child too and cleans up.
for (const [signal, number] of [
  ["SIGINT", 2],
  ["SIGTERM", 15],
  ["SIGHUP", 1],
] as const) {
  process.once(signal, () => {
    interrupted.abort();
    fail(`Stopped by ${signal}.`, 128 + number);
  });
}

try {
  checkWriteAccess(paths);
  lock = await acquireBuildLock(paths.lock, `${displayPath(paths.live)}/`, {
    timeoutMs: 15 * 60_000,
    pollMs: 500,
    onWait: (text) => console.log(text),
  });
  if (lock.tookOver) console.log(lock.tookOver);
  const recovered = recoverInterruptedSwap(paths);
  if (recovered) console.log(recovered);
} catch (error) {
  fail(message(error));
}

let root: string;
try {
  root = contentRoot();
} catch (error) {
  fail(message(error));
}
const content = checkContent(root);
if (content.problems.length > 0) fail(`${formatProblems(content.problems)}\nNothing was built.`);
const cleared = clearStaleContentCache(process.cwd(), contentCacheDir());
if (cleared) console.log(cleared);

let config: { base: string; site: string | undefined };
try {
  // Astro in its own process, then the search index once it has exited: the two never hold
  // memory at the same time (docs/performance.md).
  config = await runAstroBuild(paths.build, interrupted.signal);
  moveBuildToStaging(paths);
  console.log(`[pagefind] ${await buildSearchIndex(paths.staging)}`);
} catch (error) {
  fail(message(error));
}

const report = await checkSite({
  dir: paths.staging,
  base: config.base,
  site: config.site,
  stories: content.stories,
});
if (report.problems.length > 0) {
  const count = report.problems.length === 1 ? "1 problem" : `${report.problems.length} problems`;
  fail(`The built site has ${count}:\n\n${report.problems.map((p) => `- ${p}`).join("\n")}`);
}

// Removing stories can be right, so this only warns; the count makes an accident visible.
const before = publishedStoryCount(paths.live);
if (before > content.stories.length) {
  console.warn(`warning: this build publishes ${content.stories.length} stories; the site it replaces had ${before}.`);
}
let leftOver: string | undefined;
try {
  leftOver = swapIntoPlace(paths);
} catch (error) {
  fail(`The checked site could not be moved into place: ${message(error)}`);
}
if (leftOver) console.warn(`warning: ${leftOver}`);
lock?.release();
const { stats } = report;
console.log(
  [
    `\nIntegrity check passed in ${stats.ms} ms: ${stats.pages} pages, ${stats.files} files, ${stats.stories} stories,`,
    `${stats.links} links (${stats.internal} internal, ${stats.anchors} to anchors, ${stats.external} external),`,
    `search index: ${stats.searchIndexed ?? "not built"}, feed items: ${stats.feedItems ?? "no feed"}.`,
    `Published to ${displayPath(paths.live)}/${site.local ? ` (a local build for ${site.site})` : ""}.`,
  ].join("\n"),
);
// Vite can leave handles open after a programmatic build; the work is done.
process.exit(0);
