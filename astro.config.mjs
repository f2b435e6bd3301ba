// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { headingAnchorsPlugin } from "./src/plugins/headingAnchors.ts";
import { externalLinksPlugin } from "./src/plugins/externalLinks.ts";
import { inertStoriesPlugin } from "./src/plugins/inertStories.ts";
import { contentRoot } from "./src/lib/contentRoot.ts";
import { cspDirectives, scriptSources, styleSources } from "./src/security/policy.ts";

// Operators set these for their host: SITE_URL for canonical and feed URLs,
// BASE_PATH when the archive lives under a sub-path (e.g. /archive/).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.BASE_PATH || "/";

export default defineConfig({
  site,
  base,
  // `npm run build` builds into a staging folder and swaps it in here; tests point it elsewhere.
  outDir: process.env.ARCHIVE_OUT_DIR || "dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  // Nothing inline: every script and style is a file, so the CSP in public/_headers needs no hashes.
  vite: { build: { assetsInlineLimit: 0 } },
  security: {
    csp: {
      directives: [...cspDirectives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources] },
    },
  },
  markdown: {
    // Shiki colours code with style="" attributes, which the CSP forbids; transcripts rarely hold code.
    syntaxHighlight: false,
    processor: satteri({
      // Archived words stay as written: no curly quotes or dashes invented for the speaker.
      features: { smartPunctuation: false },
      // Stories are data: anything in them that would run as code stops the build.
      mdastPlugins: [inertStoriesPlugin(`${contentRoot()}/stories`)],
      hastPlugins: [headingAnchorsPlugin(), externalLinksPlugin()],
    }),
  },
  integrations: [mdx(), sitemap()],
});
