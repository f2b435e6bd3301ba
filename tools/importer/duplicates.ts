import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { splitFrontmatter } from "../preflight/frontmatter.ts";
import type { StoryPlan } from "./planStory.ts";
import { quietly } from "./types.ts";

/** Notices (a second telling of one story can be right) for stories whose source URL or text is archived under another slug. */
export function archivedDuplicates(plans: readonly StoryPlan[], contentDir: string): string[] {
  if (plans.length === 0) return [];
  const byUrl = archived(join(contentDir, "stories"), /^(.+)\.mdx?$/, (text) => {
    const { yaml } = splitFrontmatter(text.toString("utf8"));
    const url = (parse(yaml ?? "", { maxAliasCount: 10 }) as { source?: { url?: unknown } } | null)?.source?.url;
    return typeof url === "string" ? normaliseUrl(url) : undefined;
  });
  const byText = archived(join(contentDir, "sources"), /^(.+)\.txt$/, sha256);
  return plans.flatMap((plan) => {
    const { url } = plan.story.source;
    const sameUrl = byUrl.get(normaliseUrl(url));
    const sameText = byText.get(sha256(plan.source.bytes));
    const notes: string[] = [];
    if (sameUrl && sameUrl !== plan.slug) {
      notes.push(
        `${plan.file}: its source ${url} is already archived as stories/${sameUrl}; if this is the same story, re-import it with --slug ${sameUrl} --force instead`,
      );
    }
    if (sameText && sameText !== plan.slug)
      notes.push(`${plan.file}: the same text is already archived as sources/${sameText}.txt`);
    return notes;
  });
}

/** The slug of each file in `folder` named like `pattern`, by its key; what cannot be read has nothing to compare. */
function archived(folder: string, pattern: RegExp, keyOf: (bytes: Buffer) => string | undefined) {
  const slugs = new Map<string, string>();
  for (const name of quietly(() => readdirSync(folder)) ?? []) {
    const slug = pattern.exec(name)?.[1];
    const key = slug && quietly(() => keyOf(readFileSync(join(folder, name))));
    if (key) slugs.set(key, slug);
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
