/**
 * Visual regression: the main pages at phone and laptop width, light and dark, against baselines
 * committed beside this file (screenshots.spec.ts-snapshots/). A change to how a page looks fails
 * here until someone looks at the new picture and accepts it on purpose:
 *
 *   TEST_PORT=4404 npx playwright test tests/e2e/screenshots.spec.ts --update-snapshots
 *
 * then review the changed PNGs in the diff before committing them. Baselines are per platform
 * (Playwright adds "-linux" to their names): the pages use the system's own fonts, so a baseline
 * made on Linux holds for Linux. Animations and the caret are frozen by toHaveScreenshot.
 */
import type { Page } from "@playwright/test";
import { BASE_PATH, medianStory } from "../support/site.ts";
import { DESKTOP, PHONE, expect, test, type ColorScheme } from "../support/gates.ts";

interface Shot {
  name: string;
  path: string;
  /** The whole page, or only the first screen (long pages). */
  fullPage: boolean;
  /** Brings the page to the state to photograph, after it loads. */
  prepare?: (page: Page) => Promise<void>;
}

const story = medianStory().path;
const shots: Shot[] = [
  { name: "home", path: BASE_PATH, fullPage: true },
  { name: "stories", path: `${BASE_PATH}stories/`, fullPage: true },
  { name: "story-top", path: story, fullPage: false },
  {
    name: "story-middle",
    path: story,
    fullPage: false,
    prepare: async (page) => {
      // The middle question's heading at the top of the window: a stable point in the text.
      const questions = page.locator(".transcript h2");
      const middle = questions.nth(Math.floor((await questions.count()) / 2));
      await middle.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 16));
      await page.waitForFunction(() => document.querySelector("#outline a[aria-current]") !== null);
    },
  },
  { name: "person", path: `${BASE_PATH}people/dmitry-petrashko/`, fullPage: true },
  { name: "company", path: `${BASE_PATH}companies/stripe/`, fullPage: true },
  {
    name: "search",
    path: `${BASE_PATH}search/?q=sponsorship`,
    fullPage: false,
    prepare: async (page) => {
      await expect(page.locator("#search-results a").first()).toBeVisible();
      await page.locator("#search-input").blur();
    },
  },
];
const sizes = [
  { label: "390", viewport: PHONE },
  { label: "1280", viewport: DESKTOP },
];
const schemes: ColorScheme[] = ["light", "dark"];

for (const { name, path, fullPage, prepare } of shots) {
  for (const { label, viewport } of sizes) {
    for (const colorScheme of schemes) {
      test(`looks as reviewed: ${name} at ${label} px, ${colorScheme}`, async ({ visit }) => {
        const page = await visit(path, { viewport, colorScheme });
        await prepare?.(page);
        await expect(page).toHaveScreenshot(`${name}-${label}-${colorScheme}.png`, {
          fullPage,
          // Anti-aliasing may differ by a few pixels between runs; a real change moves far more.
          maxDiffPixelRatio: 0.002,
        });
      });
    }
  }
}
