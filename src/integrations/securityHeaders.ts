import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { headersFile } from "../security/policy.ts";

/** Writes `_headers` into the built site for the configured base, so the HTTP headers match the pages' CSP <meta>. */
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
