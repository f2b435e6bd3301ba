import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanUp, snapshot, tempDir, writeFixture } from "./_fixtures.ts";

const ROOT = join(import.meta.dirname, "../../..");
// The project's Node 24 (the `node` devDependency), as `npm run import` uses.
const NODE = join(ROOT, "node_modules/.bin/node");

let dir: string;
beforeEach(() => {
  dir = tempDir();
  // The importer refuses a --content folder that does not exist (a typo would scatter stories).
  mkdirSync(join(dir, "content"));
});
afterEach(() => cleanUp(dir));

function run(...args: string[]) {
  const result = spawnSync(NODE, [join(ROOT, "tools/import.ts"), ...args], { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TRANSCRIPT =
  "Ada Lovelace\n\nAnalyst at Engines Ltd\n\nThis story was recorded in June, 1843.\n\nWhat is the engine for?\n\nIt weaves algebraic patterns.\n";
const FLAGS = [
  "--summary",
  "Ada on what engines are for.",
  "--source-name",
  "Notes",
  "--source-url",
  "https://example.com/ada/",
  "--topic",
  "Computing",
];

describe("npm run import (the command line)", () => {
  it("prints usage for --help", () => {
    const { code, stdout } = run("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: npm run import -- [--content DIR] [--force] [--dry-run] [--check] FILE...");
  });

  it("exits 2 with the usage for an unknown flag", () => {
    const { code, stderr } = run("--frobnicate", "x.txt");
    expect(code).toBe(2);
    expect(stderr).toContain("--frobnicate");
    expect(stderr).toContain("Usage:");
  });

  it("exits 1 naming the file when it refuses, and writes nothing", () => {
    writeFixture(dir, "empty.txt", "");
    const { code, stderr } = run("--content", "content", "empty.txt");
    expect(code).toBe(1);
    expect(stderr).toContain("✗ empty.txt: the file is empty; there is nothing to import");
    expect(stderr).toContain("Nothing was written");
    expect(snapshot(dir)).toEqual({ "empty.txt": "" });
  });

  it("--dry-run prints the whole outline, guesses marked, also when metadata is missing", () => {
    writeFixture(
      dir,
      "page.txt",
      "Priya Raman\n\nStaff Engineer at Twilio Inc.\n\nJanuary, 2021\n\nLinkedIn, Twitter\n\n" +
        "Tell us a little about your current role.\n\nI run the messaging platform.\n\n" +
        "Where do you feel most impactful? A specific story would be grand.\n\nIn outages.\n\n" +
        "What makes a staff engineer effective in an organisation that is growing quickly, changing its structure every year and hiring faster than it can train people, and what should change first when the old ways of working stop working?\n\nWriting.\n",
    );
    const { code, stderr } = run("--dry-run", "--content", "content", "page.txt");
    expect(code).toBe(1);
    expect(stderr).toContain("✗ page.txt → priya-raman (plain, 3 questions (1 guessed — review))");
    expect(stderr).toMatch(/line 9 +## Tell us a little about your current role\./);
    expect(stderr).toMatch(/line 13 +## Where do you feel most impactful\? A specific story would be grand\./);
    expect(stderr).toMatch(/\?line 17 +## What makes a staff engineer effective/);
    expect(stderr).toContain("line 5 (recorded) is shown in the page header: “January, 2021”");
    expect(stderr).toContain("missing summary (--summary), source.name (--source-name), source.url (--source-url)");
  });

  it("refuses a one-line file for having no questions first, then names the missing metadata", () => {
    writeFixture(dir, "one.txt", "Just one line.\n");
    const { code, stderr } = run("--content", "content", "one.txt");
    expect(code).toBe(1);
    expect(stderr).toMatch(/^✗ one\.txt: no recognisable questions.*\. Also: one\.import\.yaml: missing person\.name/m);
  });

  it("imports a saved .html page, keeps it as .html, and re-imports it to the same story", () => {
    const page =
      "<html><body><nav>Home</nav><article><h1>Mei Lin</h1><p>Staff Engineer at Datadog</p><p>May 2021</p>" +
      "<h2>What do you work on?</h2><p>Metrics <em>ingestion</em>.</p></article></body></html>";
    writeFixture(dir, "mei.html", page);
    const first = run(
      "--content",
      "content",
      "--summary",
      "Mei on metrics.",
      "--source-url",
      "https://example.com/mei/",
      "mei.html",
    );
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("create  content/sources/mei-lin.html  (raw source, byte for byte)");
    const story = readFileSync(join(dir, "content/stories/mei-lin.mdx"), "utf8");
    expect(story).toContain("## What do you work on?\n\nMetrics *ingestion*.\n");
    expect(story).toContain('recorded: "2021-05"');
    const again = run("--content", "content", "--force", "content/sources/mei-lin.html");
    expect(again.stdout).toContain("same    content/stories/mei-lin.mdx");
  });

  it("imports with flags, stores them in the sidecar, and re-imports to the same story", () => {
    writeFixture(dir, "ada.txt", TRANSCRIPT);
    const first = run("--content", "content", ...FLAGS, "ada.txt");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("create  content/stories/ada-lovelace.mdx");
    expect(first.stdout).toContain("create  content/sources/ada-lovelace.txt  (raw source, byte for byte)");
    expect(first.stdout).toContain("round trip: all 3 kept lines are in the story");
    const story = readFileSync(join(dir, "content/stories/ada-lovelace.mdx"), "utf8");
    expect(readFileSync(join(dir, "content/sources/ada-lovelace.txt"), "utf8")).toBe(TRANSCRIPT);
    expect(readFileSync(join(dir, "content/sources/ada-lovelace.import.yaml"), "utf8")).toContain(
      "summary: Ada on what engines are for.",
    );

    // Added to the archive today (UTC); the day is kept with the corrections for re-imports.
    const today = new Date().toISOString().slice(0, 10);
    expect(story).toContain(`recorded: "1843-06"\nadded: "${today}"\n`);
    expect(readFileSync(join(dir, "content/sources/ada-lovelace.import.yaml"), "utf8")).toMatch(
      new RegExp(`^added: "?${today}"?$`, "m"),
    );

    const again = run("--content", "content", "--force", "content/sources/ada-lovelace.txt");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("same    content/stories/ada-lovelace.mdx");
    expect(readFileSync(join(dir, "content/stories/ada-lovelace.mdx"), "utf8")).toBe(story);
  });

  it("takes the day a story was added from --added, and a re-import keeps it", () => {
    writeFixture(dir, "ada.txt", TRANSCRIPT);
    expect(run("--content", "content", ...FLAGS, "--added", "2020-02-29", "ada.txt").code).toBe(0);
    expect(run("--content", "content", "--force", "content/sources/ada-lovelace.txt").code).toBe(0);
    expect(readFileSync(join(dir, "content/stories/ada-lovelace.mdx"), "utf8")).toContain('added: "2020-02-29"');
    const bad = run("--content", "content", ...FLAGS, "--added", "2021-02-30", "--slug", "ada-two", "ada.txt");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"added" is not a real date');
  });

  it("keeps the editor's comments when flags update a sidecar", () => {
    writeFixture(dir, "ada.txt", TRANSCRIPT);
    writeFixture(
      dir,
      "ada.import.yaml",
      "# Checked against the 1843 notes.\nsummary: Old summary.\nsource:\n  name: Notes # the printed ones\n  url: https://example.com/ada/\n",
    );
    expect(run("--content", "content", "--summary", "New summary.", "ada.txt").code).toBe(0);
    const sidecar = readFileSync(join(dir, "content/sources/ada-lovelace.import.yaml"), "utf8");
    expect(sidecar).toContain("# Checked against the 1843 notes.");
    expect(sidecar).toContain("# the printed ones");
    expect(sidecar).toContain("summary: New summary.");
  });

  it("--check reports the round trip and clutter without writing", () => {
    writeFixture(dir, "page.txt", `Site Banner\n\n${TRANSCRIPT}\nReady to read another story?\n`);
    const { code, stdout } = run("--content", "content", "--check", "page.txt");
    expect(code).toBe(0);
    expect(stdout).toContain("line 1    site banner (image text): Site Banner");
    expect(stdout).toContain("“read another story” link: Ready to read another story?");
    expect(stdout).toContain("Checked 1 file: every round trip holds.");
    expect(snapshot(dir)).toEqual({ "page.txt": expect.any(String) as string });
  });
});
