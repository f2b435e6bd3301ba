/**
 * `node tools/build.ts` end to end against fixture content: a good build under a base path,
 * then broken, hostile and integrity-failing content that must fail with a clear message and
 * leave the previous output byte-for-byte as it was. Two real Astro builds; the rest fail fast.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  goodContent,
  removeContentRoots,
  storyFrontmatter,
  storySource,
  withField,
} from "../support/contentFixture.ts";
import { withBuildLock } from "../support/astroBuild.ts";

const work = mkdtempSync(join(tmpdir(), "archive-build-"));
const outDir = join(work, "site");
const node = existsSync("node_modules/.bin/node") ? "node_modules/.bin/node" : process.execPath;

afterAll(() => {
  removeContentRoots();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The environment without what the test runner adds: Vitest exports Vite's BASE_URL, MODE,
 * NODE_ENV=test and friends, and Astro would build with those instead of the config's values.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const leaked = /^(BASE_URL|SITE|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !leaked.test(key)));
}

/** Runs the real build script on a content root; output goes to the temp site folder, never dist/. */
function build(content: string, env: Record<string, string> = {}) {
  return withBuildLock(() => buildUnlocked(content, env));
}

function buildUnlocked(content: string, env: Record<string, string>) {
  const result = spawnSync(node, ["tools/build.ts"], {
    encoding: "utf8",
    env: {
      ...cleanEnv(),
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_OUT_DIR: outDir,
      ARCHIVE_CACHE_DIR: join(work, "cache"),
      SITE_URL: "https://archive.example",
      BASE_PATH: "/archive/",
      ASTRO_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

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

const escapedStory = storySource(
  withField("summary", `summary: "<script>alert('summary')</script> and {summary}"`),
  [
    "## What did she type?",
    "",
    "She typed \\<script>alert(1)\\</script> and \\{process.exit(1)\\} into the box.",
    "",
    "Read [her notes](https://example.com/notes) or [the question](#what-did-she-type).",
  ].join("\n"),
);

describe("npm run build", () => {
  let before: Record<string, string>;

  beforeAll(async () => {
    const result = await build(goodContent({ "stories/escaped.mdx": escapedStory }));
    expect(result.status, result.stderr + result.stdout).toBe(0);
    before = fingerprint(outDir);
  });

  it("publishes a checked site under the base path with its security headers", () => {
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["/stories/jane-doe/index.html", "/stories/escaped/index.html", "/_headers"]),
    );
    expect(existsSync(join(work, ".site-staging"))).toBe(false);
    const html = readFileSync(join(outDir, "stories/escaped/index.html"), "utf8");
    const csp = parse(html).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(html).toContain('<meta name="referrer" content="strict-origin-when-cross-origin">');
  });

  it("renders escaped tags and braces in a story, and hostile frontmatter, as text", () => {
    const root = parse(readFileSync(join(outDir, "stories/escaped/index.html"), "utf8"));
    const transcript = root.querySelector(".transcript");
    expect(transcript?.textContent).toContain(
      "She typed <script>alert(1)</script> and {process.exit(1)} into the box.",
    );
    expect(transcript?.querySelectorAll("script")).toHaveLength(0);
    expect(root.querySelectorAll("script:not([src])"), "no inline script on the page").toHaveLength(0);
    expect(transcript?.querySelector('a[href="https://example.com/notes"]')?.getAttribute("rel")).toBe(
      "noopener noreferrer",
    );
    const list = parse(readFileSync(join(outDir, "stories/index.html"), "utf8"));
    expect(list.querySelectorAll("script:not([src])"), "no inline script on /stories/").toHaveLength(0);
    expect(list.textContent).toContain("<script>alert('summary')</script> and {summary}");
  });

  it("fails on broken content with every problem named by file and line, and keeps the old site", async () => {
    const result = await build(
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
    expect(fingerprint(outDir)).toEqual(before);
  });

  it("refuses a story that would run code, naming each construct, and keeps the old site", async () => {
    const hostile = [
      'import fs from "node:fs"',
      "",
      "{fs.writeFileSync('/tmp/pwned', 'x')}",
      "",
      '<img src="x" onerror="alert(1)" />',
      "",
      "<script>alert(1)</script> and [click](javascript:alert(1))",
    ].join("\n");
    const result = await build(goodContent({ "stories/jane-doe.mdx": storySource(storyFrontmatter, hostile) }));
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
    expect(fingerprint(outDir)).toEqual(before);
  });

  it("fails when the built site does not hold together, and throws the staging build away", async () => {
    const body =
      "## Where?\n\nSee [the old page](https://archive.example/archive/stories/gone/) and [this](#nowhere).\n";
    const result = await build(goodContent({ "stories/jane-doe.mdx": storySource(storyFrontmatter, body) }));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/The built site has 2 problems:/);
    expect(result.stderr).toMatch(
      /- <a href="https:\/\/archive\.example\/archive\/stories\/gone\/"> goes to \/archive\/stories\/gone\/, which is not in the built site \(on stories\/jane-doe\/index\.html\)/,
    );
    expect(result.stderr).toMatch(
      /- <a href="#nowhere"> points at #nowhere, but \/archive\/stories\/jane-doe\/ has no element with that id/,
    );
    expect(existsSync(join(work, ".site-staging"))).toBe(false);
    expect(fingerprint(outDir)).toEqual(before);
  });
});
