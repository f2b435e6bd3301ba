import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { splitFrontmatter } from "../preflight/frontmatter.ts";
import type { StoryPlan } from "./planStory.ts";

/**
 * Notices (not refusals: a second telling of one story can be right) for stories in the batch
 * whose source URL, or whose exact text, is already in the archive under another slug.
 */
export function archivedDuplicates(plans: readonly StoryPlan[], contentDir: string): string[] {
  if (plans.length === 0) return [];
  const byUrl = archivedUrls(contentDir);
  const byText = archivedTexts(contentDir);
  const notices: string[] = [];
  for (const plan of plans) {
    const url = plan.story.source.url;
    const sameUrl = byUrl.get(normaliseUrl(url));
    if (sameUrl && sameUrl !== plan.slug) {
      notices.push(
        `${plan.file}: its source ${url} is already archived as stories/${sameUrl}; if this is the same story, re-import it with --slug ${sameUrl} --force instead`,
      );
    }
    const sameText = byText.get(sha256(plan.source.bytes));
    if (sameText && sameText !== plan.slug) {
      notices.push(`${plan.file}: the same text is already archived as sources/${sameText}.txt`);
    }
  }
  return notices;
}

function archivedUrls(contentDir: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const name of list(join(contentDir, "stories"))) {
    const slug = /^(.+)\.mdx?$/.exec(name)?.[1];
    if (!slug) continue;
    try {
      const { yaml } = splitFrontmatter(readFileSync(join(contentDir, "stories", name), "utf8"));
      const data = yaml === undefined ? undefined : (parse(yaml, { maxAliasCount: 10 }) as unknown);
      const url = (data as { source?: { url?: unknown } } | null)?.source?.url;
      if (typeof url === "string") urls.set(normaliseUrl(url), slug);
    } catch {
      // A story the build would refuse anyway; the build says why.
    }
  }
  return urls;
}

function archivedTexts(contentDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of list(join(contentDir, "sources"))) {
    const slug = /^(.+)\.txt$/.exec(name)?.[1];
    if (!slug) continue;
    try {
      texts.set(sha256(readFileSync(join(contentDir, "sources", name))), slug);
    } catch {
      // Unreadable: nothing to compare.
    }
  }
  return texts;
}

/** http/https, host case, a trailing slash and a fragment do not make another page. */
function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`;
  } catch {
    return url;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
