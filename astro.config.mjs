// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { satteriOptions } from "./src/markdown/options.ts";
import { pagefindIndex } from "./src/integrations/pagefind.ts";
import { contentCacheDir } from "./src/lib/contentRoot.ts";
import { contentStoreFromDisk } from "./src/integrations/contentStoreFromDisk.ts";
import { siteUrlRule } from "./src/integrations/siteUrlRule.ts";
import { siteSetting } from "./src/lib/siteUrl.ts";
import { securityHeadersFile } from "./src/integrations/securityHeaders.ts";

// Operators set these for their host: SITE_URL for canonical and feed URLs (a build without it
// stops unless marked local with ARCHIVE_LOCAL; see siteUrlRule), BASE_PATH when the archive
// lives under a sub-path (e.g. /archive/).
const { site } = siteSetting(process.env, "dev");
const base = process.env.BASE_PATH || "/";

export default defineConfig({
  site,
  base,
  // Astro's content cache matches entries by id and content, not by folder: each content
  // root gets a cache of its own, or a build of another root reuses stale file paths.
  cacheDir: contentCacheDir(),
  // `npm run build` builds into a staging folder and swaps it in here; tests point it elsewhere.
  outDir: process.env.ARCHIVE_OUT_DIR || "dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  // Nothing inline: every script and style is a file, so the CSP (src/security/policy.ts) needs no hashes.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Shiki colours code with style="" attributes, which the CSP forbids; transcripts rarely hold code.
    syntaxHighlight: false,
    // Sätteri (Rust) renders 450 stories in about half the time of unified() + remark-gfm
    // (see README, "Markdown processor"); GFM is built into it.
    processor: satteri(satteriOptions()),
  },
  // pagefindIndex runs last so it indexes the finished HTML.
  integrations: [siteUrlRule(), contentStoreFromDisk(), mdx(), sitemap(), securityHeadersFile(), pagefindIndex()],
});
