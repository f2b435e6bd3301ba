import { headingAnchorsPlugin } from "./headingAnchors.ts";

/**
 * How stories are rendered: Sätteri with GFM (tables, footnotes, strikethrough,
 * autolinks) built in. Shared by astro.config.mjs and the tests, so both render alike.
 */
// The return type is inferred on purpose: it must fit both satteri() and
// createSatteriMarkdownProcessor(), whose option types differ in optional fields.
export function satteriOptions() {
  return {
    features: {
      gfm: true,
      // Archived words stay as written: no curly quotes or dashes invented for the speaker.
      smartPunctuation: false,
    },
    hastPlugins: [headingAnchorsPlugin()],
  };
}
