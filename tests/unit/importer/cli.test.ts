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

  it("imports with flags, stores them in the sidecar, and re-imports to the same story", () => {
    writeFixture(dir, "ada.txt", TRANSCRIPT);
    const first = run("--content", "content", ...FLAGS, "ada.txt");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("create  content/stories/ada-lovelace.md");
    expect(first.stdout).toContain("create  content/sources/ada-lovelace.txt  (raw source, byte for byte)");
    expect(first.stdout).toContain("round trip: all 3 kept lines are in the story");
    const story = readFileSync(join(dir, "content/stories/ada-lovelace.md"), "utf8");
    expect(readFileSync(join(dir, "content/sources/ada-lovelace.txt"), "utf8")).toBe(TRANSCRIPT);
    expect(readFileSync(join(dir, "content/sources/ada-lovelace.import.yaml"), "utf8")).toContain(
      "summary: Ada on what engines are for.",
    );

    const again = run("--content", "content", "--force", "content/sources/ada-lovelace.txt");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("same    content/stories/ada-lovelace.md");
    expect(readFileSync(join(dir, "content/stories/ada-lovelace.md"), "utf8")).toBe(story);
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
