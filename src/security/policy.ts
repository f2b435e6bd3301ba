/**
 * The site's security policy, in one place. BaseLayout writes the CSP into a <meta http-equiv>
 * tag on every page; the build writes the same policy as HTTP headers into `_headers`
 * (src/integrations/securityHeaders.ts) for `npm start` and hosts that read it (Netlify,
 * Cloudflare Pages). Both read ARCHIVE_IMAGE_SOURCES at build time. Nothing is ever
 * inlined (the build check enforces it), so the policy needs no hashes. Astro's own
 * `security.csp` would add a hash of every bundled script to every page: half a kilobyte of
 * incompressible bytes on each story for scripts that are files anyway.
 */

/** The variable that lets an archive show images from other sites (off by default). */
export const IMAGE_SOURCES_ENV = "ARCHIVE_IMAGE_SOURCES";

// `https:` (any https site) or one https origin, optionally with a path; nothing that could
// widen the policy in other ways (`*`, keywords, `;`).
const IMAGE_SOURCE = /^(https:|https:\/\/[a-z0-9.-]+(:\d+)?(\/[\w./~%-]*)?)$/i;

/**
 * Where images may come from: our own files and data: URLs only, so no story can embed a
 * tracking pixel; ARCHIVE_IMAGE_SOURCES (space-separated, e.g. `https://images.example.org` or
 * `https:`) adds more for an archive that needs remote images. Throws a sentence on a bad value.
 */
export function imageSources(env: Record<string, string | undefined> = process.env): string[] {
  const extra = (env[IMAGE_SOURCES_ENV] ?? "").split(/\s+/).filter(Boolean);
  for (const source of extra) {
    if (!IMAGE_SOURCE.test(source)) {
      throw new Error(
        `${IMAGE_SOURCES_ENV} may only list https: or https:// origins separated by spaces; "${source}" is not one.`,
      );
    }
  }
  return ["'self'", "data:", ...extra];
}

/** CSP directives besides script-src and style-src. */
export function cspDirectives(env: Record<string, string | undefined> = process.env): string[] {
  return [
    "default-src 'self'",
    `img-src ${imageSources(env).join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** Scripts only from our own files; Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval'. */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Styles only from our own files: no inline <style> or style="" (the build check enforces it). */
export const styleSources = ["'self'"] as const;

/** Directives a <meta> tag cannot carry; only the HTTP header has them. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** The policy as a page's <meta http-equiv> tag can carry it. */
export function metaContentSecurityPolicy(env: Record<string, string | undefined> = process.env): string {
  return [...cspDirectives(env), `script-src ${scriptSources.join(" ")}`, `style-src ${styleSources.join(" ")}`].join(
    "; ",
  );
}

/** The full Content-Security-Policy header value. */
export function contentSecurityPolicy(env: Record<string, string | undefined> = process.env): string {
  return [
    ...cspDirectives(env),
    `script-src ${scriptSources.join(" ")}`,
    `style-src ${styleSources.join(" ")}`,
    ...headerOnlyDirectives,
  ].join("; ");
}

/** Referrer policy, also set per page with <meta name="referrer">. */
export const referrerPolicy = "strict-origin-when-cross-origin";

/** Every response header the site asks its host to send. */
export function securityHeaders(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(env),
    "Referrer-Policy": referrerPolicy,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/** How long hashed assets (`_astro/*`: the name changes when the content does) may be cached. */
export const immutableAssets = "public, max-age=31536000, immutable";

/**
 * The `_headers` file (Netlify / Cloudflare Pages format) the build writes: securityHeaders() for
 * every path, and a year's caching for the hashed assets under `<base>_astro/`.
 */
export function headersFile(base = "/", env: Record<string, string | undefined> = process.env): string {
  const lines = Object.entries(securityHeaders(env)).map(([name, value]) => `  ${name}: ${value}`);
  return [
    "# Written by the build from src/security/policy.ts; npm start and static hosts read it.",
    "/*",
    ...lines,
    `${base}_astro/*`,
    `  Cache-Control: ${immutableAssets}`,
    "",
  ].join("\n");
}
