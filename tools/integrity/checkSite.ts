import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FEED_WINDOW } from "../../src/lib/feedCatalog.ts";
import { Findings } from "./findings.ts";
import { checkImagePolicy } from "./imagePolicy.ts";
import { checkInlineCode, headerPolicy } from "./inlineCode.ts";
import { checkLinks, type LinkStats } from "./links.ts";
import { readFeed, readSearchIndex, readSitemap } from "./publishedIndexes.ts";
import { scanSite } from "./siteScan.ts";
import { checkStoryCoverage, FEED_FILE, type StorySource } from "./storyCoverage.ts";
import { normaliseBase, pagePath, type SiteLocation } from "./siteUrls.ts";

/** What to check: the output folder, where the site will live, and the stories that must be in it. */
export interface SiteCheckInput {
  dir: string;
  base: string;
  /** The configured `site` URL, so absolute links to it count as internal. */
  site?: string | undefined;
  stories: readonly StorySource[];
  /** How many of the newest stories the feed must carry (tests make it small). */
  feedWindow?: number;
}

/** The verdict: problems fail the build, warnings do not. */
export interface SiteCheckReport {
  problems: string[];
  warnings: string[];
  stats: LinkStats & {
    pages: number;
    files: number;
    stories: number;
    searchIndexed: number | undefined;
    feedItems: number | undefined;
    ms: number;
  };
}

/**
 * The integrity check that ends every build: runs every check over the output folder and
 * returns all problems at once. Safe to run on any folder; it only reads.
 */
export async function checkSite(input: SiteCheckInput): Promise<SiteCheckReport> {
  const started = performance.now();
  const site: SiteLocation = {
    base: normaliseBase(input.base),
    origin: input.site ? new URL(input.site).origin : undefined,
  };
  const findings = new Findings();

  const scan = await scanSite(input.dir);
  const [sitemap, searchIndex, feed] = await Promise.all([
    Promise.resolve()
      .then(() => readSitemap(input.dir, site))
      .catch((error: unknown) => {
        findings.problem(error instanceof Error ? error.message : String(error));
        return new Set<string>();
      }),
    readSearchIndex(input.dir, site).catch((error: unknown) => {
      findings.problem(error instanceof Error ? error.message : String(error));
      return new Set<string>();
    }),
    readFeed(input.dir, FEED_FILE, site),
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
  checkUniqueUrls(scan.files, findings);
  const headersFile = join(input.dir, "_headers");
  const policy = existsSync(headersFile) ? headerPolicy(readFileSync(headersFile, "utf8")) : undefined;
  if (policy === undefined)
    findings.problem(
      "_headers with a Content-Security-Policy for /* is missing from the build (src/integrations/securityHeaders.ts writes it)",
    );
  else {
    checkInlineCode(scan, policy, findings);
    checkImagePolicy(scan, policy, findings);
  }

  return {
    problems: findings.problems,
    warnings: findings.warnings,
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

/** No two files may differ only by case: case-insensitive hosts would serve one for both. */
export function checkUniqueUrls(files: Iterable<string>, findings: Findings): void {
  const byLowerCase = new Map<string, string>();
  for (const file of files) {
    const key = file.toLowerCase();
    const other = byLowerCase.get(key);
    if (other === undefined) byLowerCase.set(key, file);
    else
      findings.problem(
        `/${pagePath(other)} and /${pagePath(file)} differ only by case, so one would hide the other on many hosts`,
      );
  }
}
