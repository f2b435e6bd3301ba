import type { MdastPluginDefinition } from "satteri";
import type {} from "@astrojs/markdown-satteri";

/** The frontmatter key story pages read back through `render(entry).remarkPluginFrontmatter`. */
export const READING_MINUTES_KEY = "readingMinutes";

/** Words a reader gets through in a minute of long-form text. */
const WORDS_PER_MINUTE = 230;

/**
 * Writes a story's reading time (minutes, at least one) into the rendered frontmatter, so pages need no raw
 * body (`retainBody: false`). A `before` hook splitting the source is several times cheaper than a visitor
 * per text node (docs/performance.md).
 */
export function readingTimePlugin(): MdastPluginDefinition {
  return {
    name: "archive-reading-time",
    before(_root, ctx) {
      const frontmatter = ctx.data.astro?.frontmatter;
      if (!frontmatter) return;
      const words = ctx.source.split(/\s+/).filter(Boolean).length;
      frontmatter[READING_MINUTES_KEY] = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
    },
  };
}
