import { createHash } from "node:crypto";
import { parseHeadersFile } from "../server/headersFile.ts";
import type { Findings } from "./findings.ts";
import type { SiteScan } from "./siteScan.ts";

/** The script-src, style-src and img-src sources of a CSP, as written; a missing directive falls back to default-src. */
export function policySources(policy: string): { script: string[]; style: string[]; image: string[] } {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const source = (name: string) => directives.get(name) ?? directives.get("default-src") ?? [];
  return { script: source("script-src"), style: source("style-src"), image: source("img-src") };
}

/** The Content-Security-Policy the `_headers` file sends for every path (`/*`), or undefined. */
export function headerPolicy(headersFile: string): string | undefined {
  const rule = parseHeadersFile(headersFile).find((r) => r.pattern === "/*");
  return rule?.headers.find(([name]) => name.toLowerCase() === "content-security-policy")?.[1];
}

/** `'sha256-…'` of an inline script or style body, as a CSP source. */
export const cspHash = (body: string): string =>
  `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;

/** Whether a CSP source list lets the browser load an image from this absolute http(s) URL. */
export function imageAllowed(url: URL, sources: readonly string[]): boolean {
  return sources.some((source) => {
    if (source === "*" || source === url.protocol) return true;
    if (!/^https?:\/\//i.test(source)) return false;
    const allowed = new URL(source);
    // A source with a path ending in / allows everything below it; otherwise that exact path.
    if (allowed.origin !== url.origin) return false;
    return allowed.pathname.endsWith("/")
      ? url.pathname.startsWith(allowed.pathname)
      : url.pathname === allowed.pathname;
  });
}

/**
 * Checks every page against the policy: its CSP <meta> tag is there; no inline event handler or
 * style="" attribute; each inline <script>/<style> allowed by hash in both the page's policy and
 * `_headers` (browsers enforce both); no image from another site that img-src would block (readers
 * would see a broken image and the editor would never know; ARCHIVE_IMAGE_SOURCES allows more sites).
 */
export function checkPolicy(scan: SiteScan, headersPolicy: string, findings: Findings): void {
  const header = policySources(headersPolicy);
  for (const page of scan.pages.values()) {
    const problem = (message: string) => findings.problem(message, page.file);
    for (const handler of page.eventHandlers) {
      problem(
        `${handler} is an inline event handler, which the policy blocks; attach it from a bundled <script> instead`,
      );
    }
    for (const tag of page.styleAttributes) {
      problem(`${tag} has a style="" attribute, which the policy blocks; use a class in the stylesheet instead`);
    }
    for (const { tag, attribute, value } of page.links) {
      const isImage =
        tag === "img" || (tag === "video" && attribute === "poster") || (tag === "source" && attribute === "src");
      const url = isImage && /^https?:\/\//i.test(value) ? URL.parse(value) : null;
      if (!url || imageAllowed(url, header.image)) continue;
      problem(
        `<img src="${value}"> is blocked by the Content-Security-Policy (img-src ${header.image.join(" ")}); ` +
          `save the image into the site, or add ${url.origin} to ARCHIVE_IMAGE_SOURCES`,
      );
    }
    if (page.cspMeta === undefined) {
      problem("page has no Content-Security-Policy <meta> tag (BaseLayout.astro writes it)");
      continue;
    }
    const meta = policySources(page.cspMeta);
    for (const [kind, bodies, allowed] of [
      ["script", page.inlineScripts, [meta.script, header.script]],
      ["style", page.inlineStyles, [meta.style, header.style]],
    ] as const) {
      for (const hash of bodies.map(cspHash)) {
        if (allowed.every((sources) => sources.includes(hash))) continue;
        problem(
          `an inline <${kind}> (${hash}) is not allowed by the Content-Security-Policy in both the page and _headers; ` +
            `move it into a file, or add the hash to ${kind}Sources in src/security/policy.ts`,
        );
      }
    }
  }
}
