import type { SatteriProcessorOptions } from "@astrojs/markdown-satteri";
import { headingAnchorsPlugin } from "./headingAnchors.ts";

/**
 * How stories are rendered: Sätteri with GFM (tables, footnotes, strikethrough,
 * autolinks) built in. Shared by astro.config.mjs and the tests, so both render alike.
 */
export function satteriOptions(): SatteriProcessorOptions {
  return {
    features: {
      gfm: true,
      // Archived words stay as written: no curly quotes or dashes invented for the speaker.
      smartPunctuation: false,
    },
    hastPlugins: [headingAnchorsPlugin()],
  };
}
