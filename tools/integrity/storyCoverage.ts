import { displayPath } from "../preflight/problems.ts";
import type { StoryRecord } from "../preflight/preflight.ts";
import type { Findings } from "./findings.ts";
import { FEED_FILE } from "./publishedIndexes.ts";
import type { SiteScan } from "./siteScan.ts";
import { classifyUrl, fileOf, type SiteLocation } from "./siteUrls.ts";

const STORY_LIST = "stories/index.html";

/**
 * Checks that every story made it all the way out: its page, a link from one /stories/ page, the sitemap,
 * the search index, the feed (every story while the archive fits its window, else a full window: the
 * feed follows the day stories were added, which pages do not show), its person's page.
 */
export function checkStoryCoverage(
  stories: readonly StoryRecord[],
  scan: SiteScan,
  lists: { sitemap: Set<string> | undefined; searchIndex: Set<string> | undefined; feed: string[] | undefined },
  site: SiteLocation,
  feedWindow: number,
  findings: Findings,
): void {
  const listed = storiesListed(scan, site);
  if (!listed) findings.problem(`/stories/ (${STORY_LIST}) is missing, so no story is listed`);
  if (!lists.sitemap) findings.problem("sitemap-index.xml is missing from the build");
  if (!lists.searchIndex) findings.problem("the search index (pagefind/pagefind-entry.json) is missing from the build");
  if (!lists.feed) findings.problem(`the feed (${FEED_FILE}) is missing from the build`);

  const feed = lists.feed ? new Set(lists.feed) : undefined;
  const allInFeed = stories.length <= feedWindow;
  const windowSize = Math.min(stories.length, feedWindow);
  if (lists.feed && lists.feed.length < windowSize) {
    const held = lists.feed.length === 1 ? "1 story" : `${lists.feed.length} stories`;
    findings.problem(`${FEED_FILE} holds ${held}; it should hold the ${windowSize} added last`);
  }
  for (const story of stories) {
    const path = `stories/${story.id}/`;
    const from = displayPath(story.file);
    if (!scan.pages.has(`${path}index.html`)) findings.problem(`${from} has no page at ${site.base}${path}`);
    if (listed && !listed.listed.has(path))
      findings.problem(`${from} is not linked from any ${site.base}stories/ page`);
    if (listed?.repeated.has(path)) findings.problem(`${from} is listed on more than one ${site.base}stories/ page`);
    if (lists.sitemap && !lists.sitemap.has(path)) findings.problem(`${from} is not in the sitemap`);
    if (lists.searchIndex && !lists.searchIndex.has(path)) findings.problem(`${from} is not in the search index`);
    if (feed && allInFeed && !feed.has(path)) findings.problem(`${from} is not in ${FEED_FILE}`);
    if (!scan.pages.has(`people/${story.person}/index.html`)) {
      findings.problem(
        `${from} names person "${story.person}", who has no page at ${site.base}people/${story.person}/`,
      );
    }
  }
  for (const path of lists.sitemap ?? []) {
    if (!scan.files.has(fileOf(path)))
      findings.problem(`the sitemap lists ${site.base}${path}, which is not in the build`);
  }
}

/** The /stories/ list pages: /stories/index.html, then /stories/page/2/index.html, 3 ... */
const LIST_PAGE = /^stories\/(page\/\d+\/)?index\.html$/;

/** Story paths linked from the /stories/ pages, and those linked from more than one; undefined without /stories/. */
function storiesListed(scan: SiteScan, site: SiteLocation): { listed: Set<string>; repeated: Set<string> } | undefined {
  if (!scan.pages.has(STORY_LIST)) return undefined;
  const listed = new Set<string>();
  const repeated = new Set<string>();
  for (const page of scan.pages.values()) {
    if (!LIST_PAGE.test(page.file)) continue;
    const onThisPage = new Set<string>();
    for (const link of page.links) {
      const url = link.tag === "a" ? classifyUrl(link.value, page.file.replace(/index\.html$/, ""), site) : undefined;
      if (url?.kind !== "internal") continue;
      const path = url.target.path;
      // A link to a later list page is not a story even though it sits under /stories/.
      if (!/^stories\/[^/]+(\/[^/]+)*\/$/.test(path) || /^stories\/page\/\d+\/$/.test(path)) continue;
      if (listed.has(path) && !onThisPage.has(path)) repeated.add(path);
      onThisPage.add(path);
      listed.add(path);
    }
  }
  return { listed, repeated };
}
