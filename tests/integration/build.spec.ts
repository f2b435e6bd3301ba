/**
 * `node tools/build.ts` end to end: the fixture build (under a base path) must be a checked site
 * with its security headers and hostile text kept as text; broken or hostile content must fail
 * in preflight, before Astro starts, with every problem named and the previous site untouched;
 * and a built site that does not hold together must fail the integrity check.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "node-html-parser";
import { checkSite } from "../../tools/integrity/checkSite.ts";
import { checkContent } from "../../tools/preflight/preflight.ts";
import {
  goodContent,
  removeContentRoots,
  storyFrontmatter,
  storySource,
  withField,
} from "../support/contentFixture.ts";
import { fixture, runBuild } from "../support/fixtureSite.ts";

let work: string;

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "archive-build-"));
});

test.afterAll(() => {
  removeContentRoots();
  rmSync(work, { recursive: true, force: true });
});

/** path -> sha256 of every file under dir, to prove a folder did not change by one byte. */
function fingerprint(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    entries.map((e) => {
      const path = join(e.parentPath, e.name);
      return [path.slice(dir.length), createHash("sha256").update(readFileSync(path)).digest("hex")];
    }),
  );
}

/** A copy of the fixture site to stand for the live site a failing build must leave alone. */
function liveCopy(name: string): string {
  const live = join(work, name, "site");
  cpSync(fixture.site, live, { recursive: true });
  return live;
}

/** Builds `content` over a copy of the fixture site; the build must stop in preflight. */
function failingBuild(name: string, content: string) {
  const live = liveCopy(name);
  const before = fingerprint(live);
  const result = runBuild(content, live, join(work, name, "cache"));
  // Preflight refuses before Astro runs, so Astro never made its cache.
  expect(existsSync(join(work, name, "cache")), "Astro did not start").toBe(false);
  expect(fingerprint(live)).toEqual(before);
  return result;
}

test("publishes a checked site under the base path with its security headers", () => {
  expect(existsSync(join(fixture.site, "stories/escaped/index.html"))).toBe(true);
  expect(existsSync(join(fixture.site, "_headers"))).toBe(true);
  expect(existsSync(join(dirname(fixture.site), ".site-staging"))).toBe(false);
  const html = readFileSync(join(fixture.site, "stories/escaped/index.html"), "utf8");
  const csp = parse(html).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(csp).not.toMatch(/unsafe-inline/);
  expect(html).toContain('<meta name="referrer" content="strict-origin-when-cross-origin">');
});

test("renders escaped tags and braces in a story, and hostile frontmatter, as text", () => {
  const root = parse(readFileSync(join(fixture.site, "stories/escaped/index.html"), "utf8"));
  const transcript = root.querySelector(".transcript");
  expect(transcript?.textContent).toContain("She typed <script>alert(1)</script> and {process.exit(1)} into the box.");
  expect(transcript?.querySelectorAll("script")).toHaveLength(0);
  expect(root.querySelectorAll("script:not([src])"), "no inline script on the page").toHaveLength(0);
  expect(transcript?.querySelector('a[href="https://example.com/notes"]')?.getAttribute("rel")).toBe(
    "noopener noreferrer",
  );
  const lists = [
    "stories/index.html",
    ...readdirSync(join(fixture.site, "stories/page")).map((n) => `stories/page/${n}/index.html`),
  ];
  const listed = lists.map((file) => parse(readFileSync(join(fixture.site, file), "utf8")));
  for (const [i, list] of listed.entries())
    expect(list.querySelectorAll("script:not([src])"), `no inline script on ${lists[i]}`).toHaveLength(0);
  expect(listed.some((list) => list.textContent.includes("<script>alert('summary')</script> and {summary}"))).toBe(
    true,
  );
});

test("fails on broken content with every problem named by file and line, before Astro starts", () => {
  const result = failingBuild(
    "broken",
    goodContent({
      "stories/jane-doe.mdx": storySource(withField("company")),
      "stories/Jane-Doe.mdx": storySource(withField("recorded", 'recorded: "2021-02-30"')),
      "stories/other.mdx": storySource(withField("person", "person: john-smith"), "Text {unclosed\n"),
    }),
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/Content has 5 problems:/);
  expect(result.stderr).toMatch(
    /stories\/Jane-Doe\.mdx: Jane-Doe\.mdx and jane-doe\.mdx would both be published at "jane-doe"/,
  );
  expect(result.stderr).toMatch(/stories\/jane-doe\.mdx:2: "company" is missing; it is required/);
  expect(result.stderr).toMatch(/stories\/Jane-Doe\.mdx:5: "recorded" is not a real date/);
  expect(result.stderr).toMatch(
    /stories\/other\.mdx:2: "person" names "john-smith", but there is no people\/john-smith\.yaml/,
  );
  expect(result.stderr).toMatch(/stories\/other\.mdx:13:6: MDX syntax error/);
  expect(result.stderr).toMatch(/Nothing was built\.\n\n.*site\/ was left as it was\./);
});

test("refuses a story that would run code, naming each construct, before Astro starts", () => {
  const hostile = [
    'import fs from "node:fs"',
    "",
    "{fs.writeFileSync('/tmp/pwned', 'x')}",
    "",
    '<img src="x" onerror="alert(1)" />',
    "",
    "<script>alert(1)</script> and [click](javascript:alert(1))",
  ].join("\n");
  const result = failingBuild(
    "hostile",
    goodContent({ "stories/jane-doe.mdx": storySource(storyFrontmatter, hostile) }),
  );
  expect(result.status).toBe(1);
  const lines = result.stderr.split("\n").filter((line) => line.includes("jane-doe.mdx:"));
  expect(lines.map((line) => line.replace(/^.*jane-doe\.mdx:/, ""))).toEqual([
    "13:1: an import/export line is JavaScript, and stories must be plain text",
    "15:1: {fs.writeFileSync('/tmp/pwned', 'x')} is an MDX expression (JavaScript), and stories must be plain text",
    "17:1: <img> is an HTML/JSX element with an event handler (onerror), and stories must be plain text",
    "19:1: <script> is a script element, and stories must be plain text",
    '19:31: a link to "javascript:alert(1)" is not allowed: story links must be http(s) or mailto addresses, or #anchors',
  ]);
  expect(existsSync("/tmp/pwned")).toBe(false);
});

test("the integrity check fails a built site that does not hold together, naming each broken link", async () => {
  const site = liveCopy("tampered");
  const page = join(site, "stories/escaped/index.html");
  const broken = `<a href="${fixture.siteUrl}${fixture.base}stories/gone/">the old page</a><a href="#nowhere">this</a>`;
  writeFileSync(page, readFileSync(page, "utf8").replace("</main>", `${broken}</main>`));
  const report = await checkSite({
    dir: site,
    base: fixture.base,
    site: fixture.siteUrl,
    stories: checkContent(fixture.content).stories,
  });
  expect(report.problems).toEqual([
    `<a href="${fixture.siteUrl}/archive/stories/gone/"> goes to /archive/stories/gone/, which is not in the built site (on stories/escaped/index.html)`,
    `<a href="#nowhere"> points at #nowhere, but /archive/stories/escaped/ has no element with that id (on stories/escaped/index.html)`,
  ]);
});

test("the integrity check passes the fixture as built", async () => {
  const report = await checkSite({
    dir: fixture.site,
    base: fixture.base,
    site: fixture.siteUrl,
    stories: checkContent(fixture.content).stories,
  });
  expect(report.problems).toEqual([]);
});
