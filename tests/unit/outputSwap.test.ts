import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  discardStaging,
  outputPaths,
  publishedStoryCount,
  recoverInterruptedSwap,
  swapIntoPlace,
} from "../../tools/pipeline/outputSwap.ts";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setup(): ReturnType<typeof outputPaths> {
  const dir = mkdtempSync(join(tmpdir(), "archive-swap-"));
  made.push(dir);
  return outputPaths({ ARCHIVE_OUT_DIR: "site" }, dir);
}

function write(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), text);
}

const read = (dir: string) => readFileSync(join(dir, "index.html"), "utf8");

describe("output swap", () => {
  it("puts staging and previous beside the live folder, hidden", () => {
    const paths = outputPaths({}, "/project");
    expect(paths).toEqual({
      live: "/project/dist",
      staging: "/project/.dist-staging",
      previous: "/project/.dist-previous",
      lock: "/project/.dist.lock",
      build: "/project/.dist-staging",
    });
    const outside = outputPaths({ ARCHIVE_OUT_DIR: "/tmp/out" }, "/project");
    expect(outside.staging).toBe("/tmp/.out-staging");
    // Astro writes inside the project when the output is outside it (see OutputPaths.build).
    expect(outside.build).toMatch(/^\/project\/node_modules\/\.archive-build\/[0-9a-f]{12}$/);
  });

  it("swaps a checked build in and removes the old one", () => {
    const paths = setup();
    write(paths.live, "old");
    write(paths.staging, "new");
    swapIntoPlace(paths);
    expect(read(paths.live)).toBe("new");
    expect(existsSync(paths.staging)).toBe(false);
    expect(existsSync(paths.previous)).toBe(false);
  });

  it("works for a first build with no live folder yet", () => {
    const paths = setup();
    write(paths.staging, "first");
    swapIntoPlace(paths);
    expect(read(paths.live)).toBe("first");
  });

  it("puts the old build back when the new one cannot be moved in", () => {
    const paths = setup();
    write(paths.live, "old");
    // No staging folder: the second rename fails.
    expect(() => swapIntoPlace(paths)).toThrow();
    expect(read(paths.live)).toBe("old");
    expect(existsSync(paths.previous)).toBe(false);
  });

  it("discarding staging leaves the live folder untouched", () => {
    const paths = setup();
    write(paths.live, "old");
    write(paths.staging, "half");
    discardStaging(paths);
    expect(read(paths.live)).toBe("old");
    expect(existsSync(paths.staging)).toBe(false);
  });

  it("recovers from a build killed between the two renames", () => {
    const paths = setup();
    write(paths.previous, "old");
    write(paths.staging, "new-but-unchecked");
    expect(recoverInterruptedSwap(paths)).toMatch(/Restored/);
    expect(read(paths.live)).toBe("old");
    expect(existsSync(paths.staging)).toBe(false);
  });

  it("clears a previous folder left after a completed swap", () => {
    const paths = setup();
    write(paths.live, "new");
    write(paths.previous, "old");
    expect(recoverInterruptedSwap(paths)).toBeUndefined();
    expect(read(paths.live)).toBe("new");
    expect(existsSync(paths.previous)).toBe(false);
  });

  it("counts the story pages a published site holds", () => {
    const paths = setup();
    expect(publishedStoryCount(paths.live)).toBe(0);
    write(join(paths.live, "stories/a"), "a");
    write(join(paths.live, "stories/b"), "b");
    write(join(paths.live, "stories"), "list");
    expect(publishedStoryCount(paths.live)).toBe(2);
  });
});
