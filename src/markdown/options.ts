import { headingAnchorsPlugin } from "./headingAnchors.ts";
import { externalLinksPlugin } from "./externalLinks.ts";
import { inertStoriesPlugin } from "./inertStories.ts";
import { readingTimePlugin } from "./readingTime.ts";
import { contentRoot } from "../lib/contentRoot.ts";

/** How stories are rendered (GFM, heading permalinks, safe external links, no live content); astro.config.mjs and tests share it. */
// Inferred return type: it must fit both satteri() and createSatteriMarkdownProcessor(), which differ in optional fields.
export function satteriOptions() {
  return {
    features: {
      gfm: true,
      // Archived words stay as written: no curly quotes or dashes invented for the speaker.
      smartPunctuation: false,
    },
    // Stories are data: anything in them that would run as code stops the build.
    mdastPlugins: [inertStoriesPlugin(`${contentRoot()}/stories`), readingTimePlugin()],
    hastPlugins: [headingAnchorsPlugin(), externalLinksPlugin()],
  };
}
