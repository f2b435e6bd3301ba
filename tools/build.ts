/**
 * `npm run build`: check the content, build into a staging folder, check the built site,
 * and only then swap it in for dist/. Any failure leaves dist/ exactly as it was and exits 1
 * with what to fix. ARCHIVE_OUT_DIR moves dist/ (tests use it); ARCHIVE_CACHE_DIR moves
 * Astro's cache (tests use it so fixture builds do not share a content cache).
 */
import { existsSync } from "node:fs";
import {
  discardStaging,
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

function fail(report: string): never {
  discardStaging(paths);
  const live = displayPath(paths.live);
  const kept = existsSync(paths.live) ? `${live}/ was left as it was.` : `Nothing was written to ${live}/.`;
  process.stderr.write(`\nBuild failed.\n\n${report.trimEnd()}\n\n${kept}\n`);
  process.exit(1);
}

let site: SiteSetting;
try {
  site = siteSetting(process.env, "build");
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\nNothing was built.`);
}
if (site.local) console.log(`Local build: links point at ${site.site} (ARCHIVE_LOCAL). Not for publishing.`);

const recovered = recoverInterruptedSwap(paths);
if (recovered) console.log(recovered);

let root: string;
try {
  root = contentRoot();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const content = checkContent(root);
if (content.problems.length > 0) fail(`${formatProblems(content.problems)}\nNothing was built.`);
const cleared = clearStaleContentCache(process.cwd(), contentCacheDir());
if (cleared) console.log(cleared);

let config: { base: string; site: string | undefined };
try {
  // Astro in its own process, then the search index once it has exited: the two never hold
  // memory at the same time (docs/performance.md).
  config = await runAstroBuild(paths.staging);
  console.log(`[pagefind] ${await buildSearchIndex(paths.staging)}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const report = await checkSite({
  dir: paths.staging,
  base: config.base,
  site: config.site,
  stories: content.stories,
});
for (const warning of report.warnings) console.warn(`warning: ${warning}`);
if (report.problems.length > 0) {
  const count = report.problems.length === 1 ? "1 problem" : `${report.problems.length} problems`;
  fail(`The built site has ${count}:\n\n${report.problems.map((p) => `- ${p}`).join("\n")}`);
}

// Removing stories can be right, so this only warns; the count makes an accident visible.
const before = publishedStoryCount(paths.live);
if (before > content.stories.length) {
  console.warn(`warning: this build publishes ${content.stories.length} stories; the site it replaces had ${before}.`);
}
swapIntoPlace(paths);
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
