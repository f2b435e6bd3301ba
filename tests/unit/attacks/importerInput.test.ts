/** Hostile input to the importer: links, huge files, devices, missing folders, repeats, leftovers. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBatch, type ImportOptions } from "../../../tools/importer/importBatch.ts";
import { removeStaleTempFiles } from "../../../tools/importer/writeAllOrNothing.ts";
import { runScript } from "../../support/buildScript.ts";
import {
  JANE_TRANSCRIPT,
  cleanUp,
  importOptions,
  makeContentRoot,
  snapshot,
  writeFixture,
} from "../importer/_fixtures.ts";

let dir: string;
let content: string;
beforeEach(() => ({ dir, content } = makeContentRoot()));
afterEach(() => cleanUp(dir));

const TRANSCRIPT = JANE_TRANSCRIPT;
const SIDECAR = "summary: Jane on writing things down.\nsource:\n  name: Example\n  url: https://example.com/jane/\n";

const options = (more: Partial<ImportOptions> = {}): ImportOptions => importOptions(content, more);

function transcript(name: string, text = TRANSCRIPT, sidecar = SIDECAR): string {
  writeFixture(dir, `${name}.import.yaml`, sidecar);
  return writeFixture(dir, `${name}.txt`, text);
}

function refusal(files: string[], more: Partial<ImportOptions> = {}): string[] {
  const before = snapshot(content);
  const result = importBatch(files, options(more));
  expect(result.written).toBe(false);
  expect(snapshot(content)).toEqual(before);
  return result.errors.map((error) => error.message);
}

describe("attack: importer input", () => {
  it("refuses a symbolic link unless --follow-symlinks", () => {
    const real = transcript("real");
    const link = join(dir, "link.txt");
    symlinkSync(real, link);
    writeFixture(dir, "link.import.yaml", SIDECAR);
    expect(refusal([link])).toEqual([
      `${link}: is a symbolic link (to ${real}); the importer reads only real files, so copy the transcript here or pass --follow-symlinks`,
    ]);
    expect(importBatch([link], options({ followSymlinks: true })).written).toBe(true);
    expect(existsSync(join(content, "stories/jane-doe.mdx"))).toBe(true);
  });

  it("refuses a link to a secret even when the target is not text", () => {
    const link = join(dir, "key.txt");
    symlinkSync("/etc/shadow", link);
    expect(refusal([link])[0]).toMatch(/is a symbolic link \(to \/etc\/shadow\)/);
  });

  it("refuses a file over 2 MB, giving its size", () => {
    const big = transcript("big", TRANSCRIPT + "I write things down. ".repeat(160_000));
    expect(refusal([big])).toEqual([
      `${big}: is 3.2 MB; the importer takes transcripts up to 2.0 MB, so this is probably not one transcript (split it, or check the file)`,
    ]);
  });

  it("refuses a device that would be read forever", () => {
    expect(refusal(["/dev/zero"], { followSymlinks: true })).toEqual([
      "/dev/zero: is not a regular file (a device, pipe or socket); pass the path of a .txt transcript",
    ]);
  });

  it("refuses a --content folder that does not exist instead of creating it", () => {
    const missing = join(dir, "contnet");
    expect(refusal([transcript("jane")], { contentDir: missing })).toEqual([
      `${missing}: the content folder does not exist; pass --content with the folder that holds stories/ and people/ (or create it first)`,
    ]);
    expect(existsSync(missing)).toBe(false);
  });

  it("takes a relative ARCHIVE_CONTENT_DIR from the current folder, and names it when it is missing", () => {
    const file = transcript("jane");
    const relative = runScript("tools/import.ts", [file], { ARCHIVE_CONTENT_DIR: "content" }, undefined, dir);
    expect(relative.stderr).toBe("");
    expect(relative.status).toBe(0);
    expect(existsSync(join(content, "stories/jane-doe.mdx"))).toBe(true);
    const missing = runScript("tools/import.ts", [file], { ARCHIVE_CONTENT_DIR: "nowhere" }, undefined, dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, "nowhere")}: the content folder does not exist`);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });

  it("notes (without refusing) a story whose source URL or text is already archived under another slug", () => {
    expect(importBatch([transcript("jane")], options()).written).toBe(true);
    const again = transcript("again", TRANSCRIPT, `slug: jane-again\n${SIDECAR}`);
    const result = importBatch([again], options());
    expect(result.written).toBe(true);
    expect(result.notices).toEqual([
      `${again}: its source https://example.com/jane/ is already archived as stories/jane-doe; if this is the same story, re-import it with --slug jane-doe --force instead`,
      `${again}: the same text is already archived as sources/jane-doe.txt`,
    ]);
  });

  it("removes temporary files a killed import left, and keeps those of a run still going", () => {
    mkdirSync(join(content, "stories"));
    const gone = spawnSync("true").pid;
    writeFileSync(join(content, "stories", `x.md.import-${gone}-abc.tmp`), "half");
    writeFileSync(join(content, "stories", `y.md.import-${process.pid}-abc.tmp`), "mine");
    expect(removeStaleTempFiles(content)).toEqual([join(content, "stories", `x.md.import-${gone}-abc.tmp`)]);
    expect(readdirSync(join(content, "stories"))).toEqual([`y.md.import-${process.pid}-abc.tmp`]);
  });
});
