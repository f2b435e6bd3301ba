import { describe, expect, it } from "vitest";
import { headerPolicy, policySources } from "../../tools/integrity/csp.ts";
import { headersFor, parseHeadersFile } from "../../tools/server/headersFile.ts";
import {
  contentSecurityPolicy,
  headersFile,
  metaContentSecurityPolicy,
  securityHeaders,
} from "../../src/security/policy.ts";

const none = {};

describe("security policy", () => {
  it("allows no inline script or style and no eval, only WebAssembly for search", () => {
    const { script, style } = policySources(contentSecurityPolicy(none));
    expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(style).toEqual(["'self'"]);
    expect(contentSecurityPolicy(none)).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
    expect(contentSecurityPolicy(none)).toMatch(/object-src 'none'/);
    expect(contentSecurityPolicy(none)).toMatch(/frame-ancestors 'none'/);
  });

  it("lets images come only from the site itself and data: URLs by default", () => {
    expect(contentSecurityPolicy(none)).toMatch(/(^|; )img-src 'self' data:;/);
    expect(metaContentSecurityPolicy(none)).toMatch(/(^|; )img-src 'self' data:;/);
  });

  it("adds remote image sources only through ARCHIVE_IMAGE_SOURCES, and only https ones", () => {
    const env = { ARCHIVE_IMAGE_SOURCES: "https://images.example.org  https://cdn.example.com/pics/" };
    expect(contentSecurityPolicy(env)).toMatch(
      /img-src 'self' data: https:\/\/images\.example\.org https:\/\/cdn\.example\.com\/pics\/;/,
    );
    expect(metaContentSecurityPolicy({ ARCHIVE_IMAGE_SOURCES: "https:" })).toMatch(/img-src 'self' data: https:;/);
    for (const bad of ["*", "http://x.example", "https://x.example; script-src *", "'unsafe-inline'", "data:"]) {
      expect(() => contentSecurityPolicy({ ARCHIVE_IMAGE_SOURCES: bad })).toThrow(
        /ARCHIVE_IMAGE_SOURCES may only list https: or https:\/\/ origins separated by spaces; ".+" is not one\./,
      );
    }
  });

  it("sends the referrer, sniffing, framing and permissions headers", () => {
    expect(securityHeaders(none)).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    expect(securityHeaders(none)["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });

  it("writes a _headers file that gives every path the policy and hashed assets a year's cache", () => {
    const rules = parseHeadersFile(headersFile("/archive/", none));
    const page = headersFor(rules, "/archive/stories/");
    expect(page.get("Content-Security-Policy")).toBe(contentSecurityPolicy(none));
    expect(page.get("Cache-Control")).toBeUndefined();
    expect(headersFor(rules, "/archive/_astro/app.1a2b3c.js").get("Cache-Control")).toBe(
      "public, max-age=31536000, immutable",
    );
    expect(headersFor(rules, "/_astro/app.js").get("Cache-Control")).toBeUndefined();
  });

  it("reads the CSP for every path back out of a _headers file", () => {
    expect(headerPolicy(headersFile("/", none))).toBe(contentSecurityPolicy(none));
    expect(headerPolicy("/feed/*\n  Content-Security-Policy: default-src *\n")).toBeUndefined();
  });
});
