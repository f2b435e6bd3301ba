import { existsSync } from "node:fs";
import { chromium } from "playwright";

/** Flags that keep the system Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Playwright's own Chromium when it is installed, else the system one.
 * Returns undefined for "use Playwright's"; throws with install advice when neither exists.
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env["CHROMIUM_PATH"];
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist.`);
    return override;
  }
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when its browsers were never downloaded.
  }
  if (bundled && existsSync(bundled)) return undefined;
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return system;
  throw new Error(
    [
      "No Chromium found for the browser tests.",
      "Install one of:",
      "  - Debian/Ubuntu: sudo apt-get install -y chromium   (used from /usr/bin/chromium)",
      "  - Playwright's own: npx playwright install chromium  (needs internet access)",
      "  - or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    ].join("\n"),
  );
}

/** Launch options for Playwright's chromium.launch() and the test runner's `use.launchOptions`. */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutable();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
