import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { headersFile } from "../security/policy.ts";

/**
 * Writes `_headers` into the built site from src/security/policy.ts, for the configured base
 * and ARCHIVE_IMAGE_SOURCES, so the HTTP headers always match the CSP <meta> tag of the pages.
 */
export function securityHeadersFile(): AstroIntegration {
  let base = "/";
  return {
    name: "archive-security-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": ({ dir }) => {
        writeFileSync(fileURLToPath(new URL("_headers", dir)), headersFile(base));
      },
    },
  };
}
