import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeFileOps, writeAllOrNothing, type FileOps } from "../../../tools/importer/writeAllOrNothing.ts";
import { cleanUp, tempDir } from "./_fixtures.ts";

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => cleanUp(dir));

/** The real file system, except that the n-th call of one operation fails like a full disk. */
function failing(operation: "write" | "rename", nth: number): FileOps {
  let calls = 0;
  return {
    ...nodeFileOps,
    [operation]: (...args: [string, never]) => {
      if (++calls === nth) throw new Error(`ENOSPC: no space left on device (${operation} #${nth})`);
      return nodeFileOps[operation](...args);
    },
  };
}

describe("writing a batch", () => {
  it("writes every file, creating folders", () => {
    writeAllOrNothing([
      { path: join(dir, "stories", "a.md"), contents: "a" },
      { path: join(dir, "people", "a.yaml"), contents: "p" },
    ]);
    expect(readFileSync(join(dir, "stories", "a.md"), "utf8")).toBe("a");
    expect(readFileSync(join(dir, "people", "a.yaml"), "utf8")).toBe("p");
  });

  it("leaves no file and no temporary file when staging fails part-way", () => {
    const writes = [1, 2, 3].map((n) => ({ path: join(dir, `${n}.md`), contents: String(n) }));
    expect(() => writeAllOrNothing(writes, failing("write", 3))).toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("puts back replaced files and removes new ones when a rename fails part-way", () => {
    writeFileSync(join(dir, "old.md"), "before");
    const writes = [
      { path: join(dir, "old.md"), contents: "after" },
      { path: join(dir, "new.md"), contents: "new" },
      { path: join(dir, "third.md"), contents: "third" },
    ];
    expect(() => writeAllOrNothing(writes, failing("rename", 3))).toThrow(/ENOSPC/);
    expect(readFileSync(join(dir, "old.md"), "utf8")).toBe("before");
    expect(existsSync(join(dir, "new.md"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["old.md"]);
  });
});
