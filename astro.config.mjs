// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { headingAnchorsPlugin } from "./src/plugins/headingAnchors.ts";
import { readingTimePlugin } from "./src/plugins/readingTime.ts";
import { contentStoreFromDisk } from "./src/integrations/contentStoreFromDisk.ts";

// Operators set these for their host: SITE_URL for canonical and feed URLs,
// BASE_PATH when the archive lives under a sub-path (e.g. /archive/).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.BASE_PATH || "/";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    processor: satteri({
      // Archived words stay as written: no curly quotes or dashes invented for the speaker.
      features: { smartPunctuation: false },
      mdastPlugins: [readingTimePlugin()],
      hastPlugins: [headingAnchorsPlugin()],
    }),
  },
  integrations: [contentStoreFromDisk(), mdx(), sitemap()],
});
