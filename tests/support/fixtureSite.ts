/**
 * The one fixture build the integration tests share (tests/integration/): a content root holding
 * everything they need, built once by `node tools/build.ts` (preflight, Astro, search index,
 * integrity check) under a base path, with tiny list pages and several search shards.
 */
import type { SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeFeedFixture } from "./feedFixture.ts";
import { runScript } from "./buildScript.ts";
import { storySource, withField } from "./contentFixture.ts";

const PROJECT = resolve(import.meta.dirname, "../..");

/** One folder per checkout, so two worktrees never share a fixture. */
const DIR = join(tmpdir(), `archive-fixture-${createHash("sha1").update(PROJECT).digest("hex").slice(0, 12)}`);

/** Where the fixture lives and how it was built. */
export const fixture = {
  /** The content root the site was built from (read it to know what the site must show). */
  content: join(DIR, "content"),
  /** The built site (what `dist/` would be). */
  site: join(DIR, "site"),
  /** What the importer printed when it imported the hostile transcript. */
  importReport: join(DIR, "import-report.txt"),
  siteUrl: "https://archive.example",
  base: "/archive/",
  /** Tiny list pages, so /stories/ and /people/ run to many pages. */
  listPageSize: 2,
  /** Small search shards, so the search page must merge several. */
  pagesPerShard: 20,
} as const;

/** `siteUrl` + `base`: every absolute URL in the fixture starts with it. */
export const fixtureOrigin = `${fixture.siteUrl}${fixture.base}`;

/** A transcript written to attack the archive (tests/integration/hostile-import.spec.ts reads it back). */
export const hostileTranscript = {
  name: "Eve Hostile",
  roleLine: "Red-team engineer at Example <Corp> & Co",
  summary: "<script>window.__pwned = 'summary'</script> {alert(1)}",
  body: [
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
    "*plain emphasis* and **plain bold** and _plain em_",
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
  ],
};

/** An interview recorded in 2015 that the importer imports while the fixture is built: added today. */
export const OLD_INTERVIEW = {
  slug: "old-interview",
  name: "Grace Old",
  roleLine: "Principal Engineer at Vintage Systems",
  body: ["This story was recorded in June, 2015.", "What did you build first?", "A compiler, long ago."],
};

/** A story whose escaped tags, braces and hostile summary must come out as text. */
export const escapedStory = storySource(
  withField("summary", `summary: "<script>alert('summary')</script> and {summary}"`),
  [
    "## What did she type?",
    "",
    "She typed \\<script>alert(1)\\</script> and \\{process.exit(1)\\} into the box.",
    "",
    "Read [her notes](https://example.com/notes) or [the question](#what-did-she-type).",
    "",
    "Then she closed the laptop and went home.",
  ].join("\n"),
);

/** Runs `node tools/build.ts` on a content root into `outDir`, with the fixture's settings. */
export function runBuild(content: string, outDir: string, cacheDir = join(DIR, "cache")): SpawnSyncReturns<string> {
  return runScript(
    join(PROJECT, "tools/build.ts"),
    [],
    {
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_OUT_DIR: outDir,
      ARCHIVE_CACHE_DIR: cacheDir,
      ARCHIVE_LIST_PAGE_SIZE: String(fixture.listPageSize),
      ARCHIVE_PAGES_PER_SHARD: String(fixture.pagesPerShard),
      SITE_URL: fixture.siteUrl,
      BASE_PATH: fixture.base,
    },
    undefined,
    PROJECT,
  );
}

/**
 * Writes the fixture's content (the archive's own stories, hostile and escaped stories, a feed
 * window's worth of short ones, an imported hostile transcript) and builds it. Throws with the
 * build's output when anything fails.
 */
export async function buildFixture(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  await writeFeedFixture(fixture.content);
  writeFileSync(join(fixture.content, "people/jane-doe.yaml"), "name: Jane Doe\nrole: Staff Engineer\ncompany: Acme\n");
  writeFileSync(join(fixture.content, "stories/escaped.mdx"), escapedStory);

  const transcript = join(DIR, "hostile.txt");
  const { name, roleLine, body, summary } = hostileTranscript;
  writeFileSync(transcript, [name, roleLine, ...body].join("\n\n") + "\n");
  const imported = runScript(
    join(PROJECT, "tools/import.ts"),
    [
      ...["--content", fixture.content, "--summary", summary, "--source-name", "Red Team Weekly"],
      ...["--source-url", "https://example.com/eve/", "--topic", "<Security>", transcript],
      // Added on an earlier day, so the 2015 interview imported below is the newest item.
      ...["--added", "2026-01-03"],
    ],
    {},
    undefined,
    PROJECT,
  );
  writeFileSync(fixture.importReport, imported.stdout + imported.stderr);
  if (imported.status !== 0) throw new Error(`The importer refused the hostile transcript:\n${imported.stderr}`);

  const old = join(DIR, "old-interview.txt");
  writeFileSync(old, [OLD_INTERVIEW.name, OLD_INTERVIEW.roleLine, ...OLD_INTERVIEW.body].join("\n\n") + "\n");
  const oldImport = runScript(
    join(PROJECT, "tools/import.ts"),
    [
      ...["--content", fixture.content, "--slug", OLD_INTERVIEW.slug, "--summary", "Grace on her first compiler."],
      ...["--source-name", "Old Times", "--source-url", "https://example.org/old/", old],
    ],
    {},
    undefined,
    PROJECT,
  );
  if (oldImport.status !== 0) throw new Error(`The importer refused the 2015 transcript:\n${oldImport.stderr}`);

  const built = runBuild(fixture.content, fixture.site);
  if (built.status !== 0) throw new Error(`The fixture build failed:\n${built.stderr}\n${built.stdout.slice(-4000)}`);
}
