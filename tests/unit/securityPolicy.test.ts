import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headerPolicy, policySources } from "../../tools/integrity/inlineCode.ts";
import { contentSecurityPolicy, headersFile, securityHeaders } from "../../src/security/policy.ts";

describe("security policy", () => {
  it("public/_headers says exactly what src/security/policy.ts says (regenerate it from headersFile())", () => {
    expect(readFileSync("public/_headers", "utf8")).toBe(headersFile());
  });

  it("allows no inline script or style and no eval, only WebAssembly for search", () => {
    const { script, style } = policySources(contentSecurityPolicy());
    expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(style).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
    expect(contentSecurityPolicy()).toMatch(/object-src 'none'/);
    expect(contentSecurityPolicy()).toMatch(/frame-ancestors 'none'/);
  });

  it("sends the referrer, sniffing and framing headers", () => {
    expect(securityHeaders()).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
  });

  it("reads the CSP for every path back out of a _headers file", () => {
    expect(headerPolicy(headersFile())).toBe(contentSecurityPolicy());
    expect(headerPolicy("/feed/*\n  Content-Security-Policy: default-src *\n")).toBeUndefined();
  });
});
