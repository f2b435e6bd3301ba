import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";

// A transcript written to attack the archive: every line tries to become markup, script,
// a module or a dangerous link. Imported into a temporary content root, built with
// ARCHIVE_CONTENT_DIR and opened in Chromium, it must read word for word and run nothing.
const NAME = "Eve Hostile";
const ROLE_LINE = "Red-team engineer at Example <Corp> & Co";
const BODY = [
  "This story was recorded in March, 2024.",
  'What happens to <script>window.__pwned = "script"</script> in a question?',
  'The answer has {alert(1)} and {window.__pwned = "expression"} and {/* a comment */} in it.',
  '<img src="x" onerror="window.__pwned = \'img\'"> sits here, with <b onmouseover="window.__pwned = \'b\'">bold</b>.',
  "[a link](javascript:window.__pwned='link') and <javascript:alert(1)> and javascript:window.__pwned='bare'",
  "import evil from \"data:text/javascript,window.__pwned='import'\"",
  'export const x = (window.__pwned = "export")',
  "Backticks `code` and ```fence``` and <style>body { display: none }</style>",
  "# not a heading",
  "> not a quote",
  "| not | a | table |",
  "*not emphasis* and **not bold** and _not em_",
  "1986. A year, not a list.",
  "* a starred line is a bullet, as in plain-text lists",
  "RTL: مرحبا بالعالم and שלום עולם.",
  "Emoji: 🎉 👩🏽‍💻 and a flag 🇺🇦.",
  "Tabs:\there\tand\tthere.",
  "Typographic “quotes” ‘here’ — dash… and &amp; &lt;b&gt; as written.",
  "Email me: eve@example.com or visit www.example.com today.",
  "A real link: https://example.com/page?x=1&y={2} works.",
  "What about <iframe src=\"javascript:window.__pwned='iframe'\"></iframe>?",
  '{`template ${window.__pwned = "template"}`}',
  '<svg onload="window.__pwned = \'svg\'"></svg> and <a href="javascript:alert(1)">anchor</a>',
];
const SUMMARY = "<script>window.__pwned = 'summary'</script> {alert(1)}";
const ROOT = join(import.meta.dirname, "../..");

// One import and one build, shared by the tests below, so they run in one worker.
test.describe.configure({ mode: "serial" });

let dir: string;
let site: StaticSite;
let importReport: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), "hostile-"));
  const transcript = join(dir, "hostile.txt");
  writeFileSync(transcript, [NAME, ROLE_LINE, ...BODY].join("\n\n") + "\n");
  const imported = spawnSync(
    join(ROOT, "node_modules/.bin/node"),
    [
      join(ROOT, "tools/import.ts"),
      "--content",
      dir,
      "--summary",
      SUMMARY,
      "--source-name",
      "Red Team Weekly",
      "--source-url",
      "https://example.com/eve/",
      "--topic",
      "<Security>",
      transcript,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  importReport = imported.stdout + imported.stderr;
  expect(imported.status, importReport).toBe(0);
  const built = spawnSync("npx", ["astro", "build", "--outDir", join(dir, "dist")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ARCHIVE_CONTENT_DIR: dir, ARCHIVE_LOCAL: "1" },
  });
  expect(built.status, built.stdout + built.stderr).toBe(0);
  site = await serveStatic(join(dir, "dist"));
});

test.afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
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
    page.locator(
      ".transcript :is(script, style, img, iframe, svg, b, code, pre, table, blockquote, h1, em, strong, del)",
    ),
  ).toHaveCount(0);

  const hrefs = await transcript.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const external = hrefs.filter((href) => !href.startsWith("#"));
  expect(external).toEqual(["https://example.com/page?x=1&y=%7B2%7D"]);

  const text = normalize(await page.locator("article").textContent());
  expect(text).toContain(NAME);
  expect(text).toContain(ROLE_LINE);
  // "* " and "• " open list items in plain text too: the star becomes the bullet, the words stay.
  for (const line of BODY) expect(text, line).toContain(normalize(line.replace(/^\* /, "")));
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
  await page.goto(`${site.url}stories/`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(SUMMARY, { exact: false })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

function normalize(text: string | null): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}
