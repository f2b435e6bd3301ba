import type { MdastPluginDefinition } from "satteri";
import type {} from "@astrojs/markdown-satteri";
import { readingMinutes } from "../lib/readingTime.ts";

/** The frontmatter key story pages read back through `render(entry).remarkPluginFrontmatter`. */
export const READING_MINUTES_KEY = "readingMinutes";

/**
 * Writes a story's reading time into the rendered frontmatter, so pages need no raw body (`retainBody: false`).
 * A `before` hook splitting the source is several times cheaper than a visitor per text node (docs/performance.md).
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
