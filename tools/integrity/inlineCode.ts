import { createHash } from "node:crypto";
import type { Findings } from "./findings.ts";
import type { SiteScan } from "./siteScan.ts";

/** The script-src and style-src sources of a CSP, as written. */
export interface PolicySources {
  script: string[];
  style: string[];
}

/** script-src and style-src of a Content-Security-Policy string; missing directives fall back to default-src. */
export function policySources(policy: string): PolicySources {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const fallback = directives.get("default-src") ?? [];
  return { script: directives.get("script-src") ?? fallback, style: directives.get("style-src") ?? fallback };
}

/** The Content-Security-Policy the `_headers` file sends for every path, or undefined. */
export function headerPolicy(headersFile: string): string | undefined {
  let inAllPaths = false;
  for (const line of headersFile.split(/\r?\n/)) {
    if (/^\S/.test(line)) inAllPaths = line.trim() === "/*";
    const match = /^\s+content-security-policy:\s*(.+)$/i.exec(line);
    if (inAllPaths && match?.[1]) return match[1].trim();
  }
  return undefined;
}

/** `'sha256-…'` of an inline script or style body, as a CSP source. */
export function cspHash(body: string): string {
  return `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
}

/**
 * Checks that no page carries code the Content-Security-Policy would have to trust blindly:
 * every page has the policy's <meta> tag; no inline event handlers or style="" attributes;
 * and each inline <script>/<style> is allowed by hash both in its page's meta policy and in
 * the `_headers` policy (browsers enforce both, so the stricter one decides).
 */
export function checkInlineCode(scan: SiteScan, headersPolicy: string, findings: Findings): void {
  const header = policySources(headersPolicy);
  for (const page of scan.pages.values()) {
    if (page.cspMeta === undefined) {
      findings.problem("page has no Content-Security-Policy <meta> tag (BaseLayout.astro writes it)", page.file);
      continue;
    }
    const meta = policySources(page.cspMeta);
    for (const handler of page.eventHandlers) {
      findings.problem(
        `${handler} is an inline event handler, which the policy blocks; attach it from a bundled <script> instead`,
        page.file,
      );
    }
    for (const tag of page.styleAttributes) {
      findings.problem(
        `${tag} has a style="" attribute, which the policy blocks; use a class in the stylesheet instead`,
        page.file,
      );
    }
    for (const [kind, bodies, allowed] of [
      ["script", page.inlineScripts, [meta.script, header.script]],
      ["style", page.inlineStyles, [meta.style, header.style]],
    ] as const) {
      for (const body of bodies) {
        const hash = cspHash(body);
        if (allowed.every((sources) => sources.includes(hash))) continue;
        findings.problem(
          `an inline <${kind}> (${hash}) is not allowed by the Content-Security-Policy in both the page and _headers; ` +
            `move it into a file, or add the hash to ${kind}Sources in src/security/policy.ts`,
          page.file,
        );
      }
    }
  }
}
