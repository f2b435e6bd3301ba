import type { AstroIntegration } from "astro";
import { siteSetting } from "../lib/siteUrl.ts";

/** Stops `astro build` without SITE_URL unless marked local (ARCHIVE_LOCAL), so no published site links to localhost. */
export function siteUrlRule(env: Record<string, string | undefined> = process.env): AstroIntegration {
  return {
    name: "archive-site-url",
    hooks: {
      // At build start, not config setup: tools that only load the config (Vitest through
      // getViteConfig, knip) run that hook as a "build" too.
      "astro:build:start": ({ logger }) => {
        const { site, local } = siteSetting(env, "build");
        if (local) logger.warn(`Local build: every link points at ${site}. Not for publishing (set SITE_URL).`);
      },
    },
  };
}
