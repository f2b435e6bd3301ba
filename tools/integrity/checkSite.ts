import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FEED_WINDOW } from "../../src/lib/feedCatalog.ts";
import type { StoryRecord } from "../preflight/preflight.ts";
import { checkPolicy, headerPolicy } from "./csp.ts";
import { Findings } from "./findings.ts";
import { checkLinks } from "./links.ts";
import { readFeed, readSearchIndex, readSitemap } from "./publishedIndexes.ts";
import { scanSite } from "./siteScan.ts";
import { checkStoryCoverage } from "./storyCoverage.ts";
import { normaliseBase, pagePath } from "./siteUrls.ts";

/** What to check: the output folder, where the site will live, and the stories that must be in it. */
export interface SiteCheckInput {
  dir: string;
  base: string;
  /** The configured `site` URL, so absolute links to it count as internal. */
  site?: string | undefined;
  stories: readonly StoryRecord[];
  /** How many of the newest stories the feed must carry (tests make it small). */
  feedWindow?: number;
}

/** The verdict (any problem fails the build) and counts for the summary. */
export type SiteCheckReport = Awaited<ReturnType<typeof checkSite>>;

/** The integrity check that ends every build: every check over the output folder, all problems at once; it only reads. */
export async function checkSite(input: SiteCheckInput) {
  const started = performance.now();
  const site = { base: normaliseBase(input.base), origin: input.site ? new URL(input.site).origin : undefined };
  const findings = new Findings();
  // A list that is there but unreadable is a problem of its own, not also a missing list.
  const unreadable = (error: unknown) => {
    findings.problem(error instanceof Error ? error.message : String(error));
    return new Set<string>();
  };
  const scan = await scanSite(input.dir);
  const [sitemap, searchIndex, feed] = await Promise.all([
    Promise.try(() => readSitemap(input.dir, site)).catch(unreadable),
    readSearchIndex(input.dir, site).catch(unreadable),
    readFeed(input.dir, site),
  ]);
  checkStoryCoverage(
    input.stories,
    scan,
    { sitemap, searchIndex, feed },
    site,
    input.feedWindow ?? FEED_WINDOW,
    findings,
  );
  const linkStats = checkLinks(scan, site, findings);
  // No two files may differ only by case: case-insensitive hosts would serve one for both.
  const byLowerCase = new Map<string, string>();
  for (const file of scan.files) {
    const other = byLowerCase.get(file.toLowerCase());
    if (other === undefined) byLowerCase.set(file.toLowerCase(), file);
    else
      findings.problem(
        `/${pagePath(other)} and /${pagePath(file)} differ only by case, so one would hide the other on many hosts`,
      );
  }
  const headersFile = join(input.dir, "_headers");
  const policy = existsSync(headersFile) ? headerPolicy(readFileSync(headersFile, "utf8")) : undefined;
  if (policy === undefined) {
    findings.problem(
      "_headers with a Content-Security-Policy for /* is missing from the build (src/integrations/securityHeaders.ts writes it)",
    );
  } else {
    checkPolicy(scan, policy, findings);
  }
  return {
    problems: findings.problems,
    stats: {
      ...linkStats,
      pages: scan.pages.size,
      files: scan.files.size,
      stories: input.stories.length,
      searchIndexed: searchIndex?.size,
      feedItems: feed?.length,
      ms: Math.round(performance.now() - started),
    },
  };
}
