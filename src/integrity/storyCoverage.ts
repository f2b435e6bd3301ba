import { displayPath } from "../content/problems.ts";
import type { Expectations } from "./expectations.ts";
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

/**
 * Checks that every story file made it all the way out: its page, a link from /stories/, the
 * sitemap, the search index, the feed (when among the newest `feedWindow`), and its person's page.
 * Nothing an editor wrote may silently go missing.
 */
export function checkStoryCoverage(
  stories: readonly StorySource[],
  scan: SiteScan,
  lists: PublishedLists,
  site: SiteLocation,
  expect: Expectations,
  findings: Findings,
): void {
  const listed = storiesListed(scan, site);
  if (!listed) findings.problem(`/stories/ (${STORY_LIST}) is missing, so no story is listed`);
  if (!lists.sitemap) findings.problem("sitemap-index.xml is missing from the build");
  if (!lists.searchIndex && expect.searchIndexRequired)
    findings.problem("the search index (pagefind/pagefind-entry.json) is missing from the build");
  if (!lists.feed && expect.feedRequired) findings.problem(`the feed (${expect.feedFile}) is missing from the build`);

  const peopleWaiting = expect.pendingSections.includes("people/");
  const feed = lists.feed ? new Set(lists.feed) : undefined;
  const listedSet = new Set(listed ?? []);
  const newest = new Set((listed ?? []).slice(0, expect.feedWindow));
  let peopleMissing = 0;
  for (const story of stories) {
    const path = `stories/${story.id}/`;
    const from = displayPath(story.file);
    if (!scan.pages.has(`${path}index.html`)) findings.problem(`${from} has no page at ${site.base}${path}`);
    if (listed && !listedSet.has(path)) findings.problem(`${from} is not linked from ${site.base}stories/`);
    if (lists.sitemap && !lists.sitemap.has(path)) findings.problem(`${from} is not in the sitemap`);
    if (lists.searchIndex && !lists.searchIndex.has(path)) findings.problem(`${from} is not in the search index`);
    if (feed && newest.has(path) && !feed.has(path)) {
      findings.problem(`${from} is among the newest ${expect.feedWindow} stories but not in ${expect.feedFile}`);
    }
    if (!scan.pages.has(`people/${story.person}/index.html`)) {
      if (peopleWaiting) peopleMissing++;
      else
        findings.problem(
          `${from} names person "${story.person}", who has no page at ${site.base}people/${story.person}/`,
        );
    }
  }
  if (peopleMissing > 0) {
    findings.warning(
      `${peopleMissing} stories name people who have no page under ${site.base}people/ yet (a pending section in src/integrity/expectations.ts)`,
    );
  }
  for (const path of lists.sitemap ?? []) {
    const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
    if (!scan.files.has(file)) findings.problem(`the sitemap lists ${site.base}${path}, which is not in the build`);
  }
}

/** Story page paths linked from /stories/, in page order (newest first), each once. */
function storiesListed(scan: SiteScan, site: SiteLocation): string[] | undefined {
  const page = scan.pages.get(STORY_LIST);
  if (!page) return undefined;
  const seen = new Set<string>();
  for (const link of page.links) {
    if (link.tag !== "a") continue;
    const url = classifyUrl(link.value, "stories/", site);
    if (url.kind === "internal" && /^stories\/[^/]+(\/[^/]+)*\/$/.test(url.target.path)) seen.add(url.target.path);
  }
  return [...seen];
}
