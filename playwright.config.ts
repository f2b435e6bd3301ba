import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/browser.ts";

const port = Number(process.env["TEST_PORT"] ?? 4399);
// BASE_PATH (read by astro.config.mjs too) runs the whole suite against a sub-path build.
const base = (process.env["BASE_PATH"] || "/").replace(/^\/?/, "/").replace(/\/?$/, "/");
const origin = `http://127.0.0.1:${port}${base}`;
const chromium = { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };

// Two Astro builds per run, no more: the production build the webServer serves (tests/e2e/) and
// one fixture build (the "fixture" setup project) that every file in tests/integration/ reads.
// A test that needs another kind of content adds it to tests/support/fixtureSite.ts instead of
// building its own site.
export default defineConfig({
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env["CI"]),
  retries: 0,
  reporter: [["list"]],
  // Generous, because both cores may be busy with other work.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: { baseURL: origin, trace: "retain-on-failure" },
  projects: [
    { name: "chromium", testDir: "tests/e2e", use: chromium },
    { name: "fixture", testDir: "tests/integration", testMatch: /fixture\.setup\.ts$/ },
    { name: "integration", testDir: "tests/integration", dependencies: ["fixture"], use: chromium },
  ],
  // Tests run against the production build, never the dev server, served as `npm start` serves
  // it (tools/server/siteServer.ts: the _headers file, caching, the 404 page).
  webServer: {
    command: "npm run build && node tools/start.ts",
    // A local build (no SITE_URL): its links point at this test server's own origin and port.
    env: { PORT: String(port), HOST: "127.0.0.1", ARCHIVE_LOCAL: `http://127.0.0.1:${port}` },
    url: origin,
    reuseExistingServer: !process.env["CI"],
    timeout: 15 * 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
