/**
 * Shared pieces of the quality gates: one reusable page per worker (the suite visits every URL
 * several times, so a fresh browser context per test would be most of its run time), and readable
 * failure messages for axe.
 */
import { test as base, type Page } from "@playwright/test";
import type { Result } from "axe-core";

/** The accessibility standard every page meets: WCAG 2.2 A/AA plus axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Viewport widths of the gates: a common phone and a laptop. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export type ColorScheme = "light" | "dark";

interface VisitOptions {
  viewport?: { width: number; height: number };
  colorScheme?: ColorScheme;
}

/** The gate test function: like Playwright's, plus `visit()` on a page shared by the tests of one worker. */
export const test = base.extend<
  { visit: (path: string, options?: VisitOptions) => Promise<Page> },
  { sharedPage: Page }
>({
  sharedPage: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      await use(await context.newPage());
      await context.close();
    },
    { scope: "worker" },
  ],
  visit: async ({ sharedPage, baseURL }, use) => {
    await use(async (path, { viewport = DESKTOP, colorScheme = "light" } = {}) => {
      // Every visit sets all the state a previous test on this page may have changed.
      await sharedPage.setViewportSize(viewport);
      await sharedPage.emulateMedia({ colorScheme, media: "screen", reducedMotion: "reduce" });
      const response = await sharedPage.goto(new URL(path, baseURL).toString(), { waitUntil: "load" });
      if (!response) throw new Error(`${path}: no response from the preview server.`);
      return sharedPage;
    });
  },
});

export { expect } from "@playwright/test";

/** One paragraph per axe violation: rule, impact, what to do, and the elements at fault. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      const more = violation.nodes.length > 5 ? `\n    ...and ${violation.nodes.length - 5} more` : "";
      return `  ${violation.id} (${violation.impact ?? "n/a"}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join("\n\n");
}
