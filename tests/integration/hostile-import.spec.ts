import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { fixture, hostileTranscript } from "../support/fixtureSite.ts";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";

// A transcript written to attack the archive (tests/support/fixtureSite.ts): every line tries to
// become markup, script, a module or a dangerous link. Imported into the fixture's content root
// and built with it, it must read word for word in Chromium and run nothing.
const { name: NAME, roleLine: ROLE_LINE, body: BODY, summary: SUMMARY } = hostileTranscript;

let site: StaticSite;
let importReport: string;

test.beforeAll(async () => {
  importReport = readFileSync(fixture.importReport, "utf8");
  site = await serveStatic(fixture.site, { base: fixture.base });
});

test.afterAll(async () => {
  await site?.close();
});

test("the importer reports a clean round trip for the hostile transcript", () => {
  expect(importReport).toContain("round trip: all");
  expect(importReport).toContain("line 1 (name) is shown in the page header");
  expect(importReport).toContain("line 3 (role) is shown in the page header");
});

test("a hostile transcript reads word for word and nothing in it runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${site.url}stories/eve-hostile/`);
  const transcript = page.locator(".transcript");
  await expect(transcript).toBeVisible();
  // Give any injected handler (onerror, onload) its chance to fire, then try the bait.
  await page.waitForLoadState("networkidle");
  await transcript.getByText("bold", { exact: false }).first().hover();

  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(
    page.locator(".transcript :is(script, style, img, iframe, svg, b, code, pre, table, blockquote, h1, del)"),
  ).toHaveCount(0);

  const hrefs = await transcript.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const external = hrefs.filter((href) => !href.startsWith("#"));
  expect(external).toEqual(["https://example.com/page?x=1&y=%7B2%7D"]);

  const text = normalize(await page.locator("article").textContent());
  expect(text).toContain(NAME);
  expect(text).toContain(ROLE_LINE);
  // "* " and "• " open list items in plain text too: the star becomes the bullet, the words stay.
  // Emphasis marked in plain text is layout (issue 13): it renders as em/strong and keeps its words.
  const shown = (line: string) => (line.startsWith("*plain") ? line.replace(/\*\*?|_/g, "") : line.replace(/^\* /, ""));
  for (const line of BODY) expect(text, line).toContain(normalize(shown(line)));
  await expect(transcript.locator("em")).toHaveText(["plain emphasis", "plain em"]);
  await expect(transcript.locator("strong")).toHaveText(["plain bold"]);
  await expect(transcript.locator("li")).toHaveText(["a starred line is a bullet, as in plain-text lists"]);
  await expect(transcript.locator("h2")).toHaveText(BODY.filter((line) => line.startsWith("What ")));
  expect(await page.title()).toContain(ROLE_LINE);
});

test("hostile frontmatter stays text on the story list too", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${site.url}${listPageLinking("stories/eve-hostile/")}`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(SUMMARY, { exact: false })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

function normalize(text: string | null): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

/** The /stories/ list page (relative to the base) that links to `path`; lists run to many pages here. */
function listPageLinking(path: string): string {
  for (let n = 1; ; n++) {
    const list = n === 1 ? "stories/" : `stories/page/${n}/`;
    const file = join(fixture.site, list, "index.html");
    if (!existsSync(file)) throw new Error(`no /stories/ page links to ${path}`);
    if (readFileSync(file, "utf8").includes(`href="${fixture.base}${path}"`)) return list;
  }
}
