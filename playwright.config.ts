import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/browser.ts";

const port = Number(process.env["TEST_PORT"] ?? 4399);
// BASE_PATH (read by astro.config.mjs too) runs the whole suite against a sub-path build.
const base = (process.env["BASE_PATH"] || "/").replace(/^\/?/, "/").replace(/\/?$/, "/");
const origin = `http://127.0.0.1:${port}${base}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env["CI"]),
  retries: 0,
  reporter: process.env["CI"] ? [["list"]] : [["list"]],
  use: {
    baseURL: origin,
    launchOptions: chromiumLaunchOptions(),
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } }],
  // Tests run against the production build, never the dev server.
  webServer: {
    command: `npm run build && npx astro preview --host 127.0.0.1 --port ${port}`,
    // A local build (no SITE_URL): its links point at this test server's own origin and port.
    env: { ARCHIVE_LOCAL: `http://127.0.0.1:${port}` },
    url: origin,
    reuseExistingServer: !process.env["CI"],
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
