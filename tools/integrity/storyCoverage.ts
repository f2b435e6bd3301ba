import { displayPath } from "../preflight/problems.ts";
import type { Findings } from "./findings.ts";
import type { SiteScan } from "./siteScan.ts";
import { classifyUrl } from "./siteUrls.ts";
import type { SiteLocation } from "./siteUrls.ts";

/** A story file and the person it names, from the content check. */
export interface StorySource {
  id: string;
  file: string;
  person: string;
}

/** The published lists, each undefined when absent from the output. */
export interface PublishedLists {
  sitemap: Set<string> | undefined;
  searchIndex: Set<string> | undefined;
  feed: string[] | undefined;
}

const STORY_LIST = "stories/index.html";
/** The site feed, at the root of the output. */
export const FEED_FILE = "rss.xml";

/**
 * Checks that every story file made it all the way out: its page, a link from one /stories/ page, the
 * sitemap, the search index, the feed (every story while the archive fits its window; else a full
 * window: the feed follows the day stories were added, which the built pages do not show), and
 * its person's page.
 * Nothing an editor wrote may silently go missing.
 */
export function checkStoryCoverage(
  stories: readonly StorySource[],
  scan: SiteScan,
  lists: PublishedLists,
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
  const listedSet = new Set(listed?.order ?? []);
  const repeated = new Set(listed?.repeated ?? []);
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
    if (listed && !listedSet.has(path)) findings.problem(`${from} is not linked from any ${site.base}stories/ page`);
    if (repeated.has(path)) findings.problem(`${from} is listed on more than one ${site.base}stories/ page`);
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
    const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
    if (!scan.files.has(file)) findings.problem(`the sitemap lists ${site.base}${path}, which is not in the build`);
  }
}

/** /stories/index.html, then /stories/page/2/index.html, 3 ... : the newest-first list, paginated. */
const LATER_LIST_PAGE = /^stories\/page\/(\d+)\/index\.html$/;
/** A link to a later list page, which is not a story even though it sits under /stories/. */
const LIST_PAGE_PATH = /^stories\/page\/\d+\/$/;

/**
 * Story page paths linked from the /stories/ pages, in list order (newest first), and those
 * linked from more than one of them (a page boundary that repeats or drops a story).
 * Undefined when /stories/ itself is missing.
 */
function storiesListed(scan: SiteScan, site: SiteLocation): { order: string[]; repeated: string[] } | undefined {
  const first = scan.pages.get(STORY_LIST);
  if (!first) return undefined;
  const later = [...scan.pages.values()]
    .map((page) => ({ page, number: Number(LATER_LIST_PAGE.exec(page.file)?.[1] ?? 0) }))
    .filter((p) => p.number > 0)
    .sort((a, b) => a.number - b.number)
    .map((p) => p.page);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const page of [first, ...later]) {
    const onThisPage = new Set<string>();
    for (const link of page.links) {
      if (link.tag !== "a") continue;
      const url = classifyUrl(link.value, page.file.replace(/index\.html$/, ""), site);
      if (url.kind !== "internal") continue;
      const path = url.target.path;
      if (!/^stories\/[^/]+(\/[^/]+)*\/$/.test(path) || LIST_PAGE_PATH.test(path)) continue;
      if (seen.has(path) && !onThisPage.has(path)) repeated.add(path);
      onThisPage.add(path);
      seen.add(path);
    }
  }
  return { order: [...seen], repeated: [...repeated] };
}
