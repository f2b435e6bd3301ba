/**
 * The site's security policy, in one place. BaseLayout writes the CSP into a <meta http-equiv>
 * tag on every page; `public/_headers` carries the same policy as HTTP headers for hosts that
 * read it (Netlify, Cloudflare Pages), and a unit test keeps the two in step. Nothing is ever
 * inlined (the build check enforces it), so the policy needs no hashes. Astro's own
 * `security.csp` would add a hash of every bundled script to every page: half a kilobyte of
 * incompressible bytes on each story for scripts that are files anyway.
 */

/** CSP directives besides script-src and style-src. */
export const cspDirectives = [
  "default-src 'self'",
  // Transcripts may show an image from the web; scripts are what a strict policy must pin down.
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Scripts only from our own files; Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval'. */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Styles only from our own files: no inline <style> or style="" (the build check enforces it). */
export const styleSources = ["'self'"] as const;

/** Directives a <meta> tag cannot carry; only the HTTP header has them. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** The policy as a page's <meta http-equiv> tag can carry it. */
export function metaContentSecurityPolicy(): string {
  return [...cspDirectives, `script-src ${scriptSources.join(" ")}`, `style-src ${styleSources.join(" ")}`].join("; ");
}

/** The full Content-Security-Policy header value. */
export function contentSecurityPolicy(): string {
  return [
    ...cspDirectives,
    `script-src ${scriptSources.join(" ")}`,
    `style-src ${styleSources.join(" ")}`,
    ...headerOnlyDirectives,
  ].join("; ");
}

/** Referrer policy, also set per page with <meta name="referrer">. */
export const referrerPolicy = "strict-origin-when-cross-origin";

/** Every response header the site asks its host to send. */
export function securityHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(),
    "Referrer-Policy": referrerPolicy,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/** The `_headers` file (Netlify / Cloudflare Pages format) that states securityHeaders() for every path. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return [
    "# Generated from src/security/policy.ts; tests/unit/securityPolicy.test.ts keeps them equal.",
    "/*",
    ...lines,
    "",
  ].join("\n");
}
