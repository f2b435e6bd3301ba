/* The site's security policy, once: a <meta> CSP on every page (BaseLayout) and `_headers` (securityHeaders.ts).
 * Nothing is inlined (the build check enforces it), so it needs no hashes, unlike Astro's `security.csp`. */
type Env = Record<string, string | undefined>;

// `https:` or one https origin with an optional path; nothing that widens the policy (`*`, keywords, `;`).
const IMAGE_SOURCE = /^(https:|https:\/\/[a-z0-9.-]+(:\d+)?(\/[\w./~%-]*)?)$/i;

/** Image sources: our files and data: URLs (no tracking pixels), plus ARCHIVE_IMAGE_SOURCES; a bad value throws. */
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

/** The policy a <meta http-equiv> can carry: scripts and styles from our files only (Pagefind's wasm needs 'wasm-unsafe-eval'). */
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
