import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { splitFrontmatter } from "../preflight/frontmatter.ts";
import type { StoryPlan } from "./planStory.ts";

/**
 * Notices (not refusals: a second telling of one story can be right) for stories in the batch whose source
 * URL, or whose exact text, is already in the archive under another slug.
 */
export function archivedDuplicates(plans: readonly StoryPlan[], contentDir: string): string[] {
  if (plans.length === 0) return [];
  const byUrl = archived(contentDir, "stories", /^(.+)\.mdx?$/, (text) => {
    const { yaml } = splitFrontmatter(text.toString("utf8"));
    const url = (parse(yaml ?? "", { maxAliasCount: 10 }) as { source?: { url?: unknown } } | null)?.source?.url;
    return typeof url === "string" ? normaliseUrl(url) : undefined;
  });
  const byText = archived(contentDir, "sources", /^(.+)\.txt$/, sha256);
  return plans.flatMap((plan) => {
    const { url } = plan.story.source;
    const sameUrl = byUrl.get(normaliseUrl(url));
    const sameText = byText.get(sha256(plan.source.bytes));
    return [
      ...(sameUrl && sameUrl !== plan.slug
        ? [
            `${plan.file}: its source ${url} is already archived as stories/${sameUrl}; if this is the same story, re-import it with --slug ${sameUrl} --force instead`,
          ]
        : []),
      ...(sameText && sameText !== plan.slug
        ? [`${plan.file}: the same text is already archived as sources/${sameText}.txt`]
        : []),
    ];
  });
}

/** The slug of each file in `folder` named like `pattern`, by the key `keyOf` reads from its bytes. */
function archived(
  contentDir: string,
  folder: string,
  pattern: RegExp,
  keyOf: (bytes: Buffer) => string | undefined,
): Map<string, string> {
  const slugs = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(join(contentDir, folder));
  } catch {
    // No such folder yet: nothing archived.
  }
  for (const name of names) {
    const slug = pattern.exec(name)?.[1];
    try {
      const key = slug && keyOf(readFileSync(join(contentDir, folder, name)));
      if (key) slugs.set(key, slug);
    } catch {
      // Unreadable, or a story the build would refuse anyway (the build says why): nothing to compare.
    }
  }
  return slugs;
}

/** http/https, host case, a trailing slash and a fragment do not make another page. */
function normaliseUrl(url: string): string {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}` : url;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
