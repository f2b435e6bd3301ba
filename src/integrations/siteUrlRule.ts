import type { AstroIntegration } from "astro";
import { siteSetting } from "../lib/siteUrl.ts";

/**
 * Stops `astro build` when SITE_URL is missing and the build is not marked local (ARCHIVE_LOCAL),
 * so no published site carries localhost links; says so when a build is local. `astro dev` and
 * the other commands never start a build and pass.
 */
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
