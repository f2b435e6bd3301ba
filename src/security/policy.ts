/**
 * The site's security policy, in one place: BaseLayout writes the CSP into a <meta http-equiv> tag on
 * every page, and the build writes the same policy as HTTP headers into `_headers`
 * (src/integrations/securityHeaders.ts). Nothing is ever inlined (the build check enforces it), so
 * the policy needs no hashes; Astro's `security.csp` would add one per bundled script to every page.
 */
type Env = Record<string, string | undefined>;

// `https:` (any https site) or one https origin, optionally with a path; nothing that could
// widen the policy in other ways (`*`, keywords, `;`).
const IMAGE_SOURCE = /^(https:|https:\/\/[a-z0-9.-]+(:\d+)?(\/[\w./~%-]*)?)$/i;

/**
 * Where images may come from: our own files and data: URLs, so no story can embed a tracking pixel, plus
 * ARCHIVE_IMAGE_SOURCES (space-separated https: or https:// origins). Throws a sentence on a bad value.
 */
function imageSources(env: Env): string[] {
  const extra = (env["ARCHIVE_IMAGE_SOURCES"] ?? "").split(/\s+/).filter(Boolean);
  for (const source of extra) {
    if (!IMAGE_SOURCE.test(source)) {
      throw new Error(
        `ARCHIVE_IMAGE_SOURCES may only list https: or https:// origins separated by spaces; "${source}" is not one.`,
      );
    }
  }
  return ["'self'", "data:", ...extra];
}

/**
 * The policy as a page's <meta http-equiv> tag can carry it: scripts and styles only from our own files
 * (Pagefind's WebAssembly needs 'wasm-unsafe-eval').
 */
export function metaContentSecurityPolicy(env: Env = process.env): string {
  return [
    "default-src 'self'",
    `img-src ${imageSources(env).join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
  ].join("; ");
}

/** The full Content-Security-Policy header value: the meta policy plus what only a header can carry. */
export function contentSecurityPolicy(env: Env = process.env): string {
  return `${metaContentSecurityPolicy(env)}; frame-ancestors 'none'`;
}

/** Referrer policy, also set per page with <meta name="referrer">. */
export const referrerPolicy = "strict-origin-when-cross-origin";

/** Every response header the site asks its host to send. */
export function securityHeaders(env: Env = process.env): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(env),
    "Referrer-Policy": referrerPolicy,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/** The `_headers` file (Netlify / Cloudflare Pages format): securityHeaders() everywhere, a year's caching for `<base>_astro/`. */
export function headersFile(base = "/", env: Env = process.env): string {
  const lines = Object.entries(securityHeaders(env)).map(([name, value]) => `  ${name}: ${value}`);
  return [
    "# Written by the build from src/security/policy.ts; npm start and static hosts read it.",
    "/*",
    ...lines,
    `${base}_astro/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}
