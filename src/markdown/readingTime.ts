import type { MdastPluginDefinition } from "satteri";
import type {} from "@astrojs/markdown-satteri";
import { readingMinutes } from "../lib/readingTime.ts";

/** The frontmatter key story pages read back through `render(entry).remarkPluginFrontmatter`. */
export const READING_MINUTES_KEY = "readingMinutes";

/**
 * Works out a story's reading time while Sätteri renders it and writes it into the rendered
 * frontmatter, so story pages need no raw Markdown body and the collection can drop it
 * (`retainBody: false`; numbers in docs/performance.md).
 * It counts the same source text the page used to count, in a `before` hook: splitting the source
 * is several times cheaper than a JS visitor on every text node (docs/performance.md).
 */
export function readingTimePlugin(): MdastPluginDefinition {
  return {
    name: "archive-reading-time",
    before(_root, ctx) {
      const frontmatter = ctx.data.astro?.frontmatter;
      if (frontmatter) frontmatter[READING_MINUTES_KEY] = readingMinutes(ctx.source);
    },
  };
}
