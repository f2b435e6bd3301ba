/**
 * The production build served as `npm start` serves it (the Playwright webServer runs it):
 * security headers from the build's _headers, caching, the 404 page, encoded traversal and a
 * proxy's Host header, and a page that a hostile site cannot frame.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { BASE_PATH, DIST } from "../support/site.ts";

test("pages carry the security headers, charset and no long-lived cache", async ({ request }) => {
  const response = await request.get("stories/");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toMatch(/^text\/html; ?charset=utf-8$/);
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/img-src 'self' data:(;|$| )/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
  expect(headers["cache-control"]).toBe("no-cache");
});

test("hashed assets are cached for a year, as immutable", async ({ request }) => {
  const asset = readdirSync(join(DIST, "_astro")).find((name) => name.endsWith(".css"));
  expect(asset, "the build has a stylesheet under _astro/").toBeDefined();
  const response = await request.get(`_astro/${asset}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(response.headers()["content-type"]).toBe("text/css; charset=utf-8");
});

test("an unknown page gets the 404 page with status 404", async ({ request }) => {
  const response = await request.get("no/such/page/");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  expect(await response.text()).toMatch(/<h1[^>]*>/);
});

test("encoded traversal gets a 400 or 404, never a file outside the site or a stack trace", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "http://127.0.0.1/").origin;
  for (const path of [
    "stories/..%2f..%2fpackage.json",
    "stories/%2e%2e/%2e%2e/package.json",
    "%2e%2e%2f%2e%2e%2fpackage.json",
    "stories/..%5c..%5cpackage.json",
    "%zz",
  ]) {
    const response = await request.get(`${origin}${BASE_PATH}${path}`);
    expect([400, 404], path).toContain(response.status());
    const body = await response.text();
    expect(body, path).not.toMatch(/"devDependencies"|at \S+:\d+:\d+|\/work\//);
  }
});

test("any Host header is served, as a reverse proxy sends the public one", async ({ request }) => {
  const response = await request.get("", { headers: { host: "archive.example.org" } });
  expect(response.status()).toBe(200);
});

test("another site cannot frame a page", async ({ page, baseURL }) => {
  const target = new URL("stories/", baseURL).href;
  await page.setContent(`<iframe src="${target}" title="framed"></iframe>`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // Chromium replaces a refused frame with an error page: our content never loads in it.
  await expect.poll(async () => (frame ? await frame.locator("header, main").count() : 0)).toBe(0);
});
