/**
 * Attacks on `npm run build`'s output folder: read-only dist/, leftovers of a killed build, two
 * builds at once, a lock left by a killed build, an output folder on another disk. Every build
 * here stops at the content check (an empty stories/ folder) or before it: no Astro build runs.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireBuildLock } from "../../../tools/pipeline/buildLock.ts";
import { moveBuildToStaging, outputPaths } from "../../../tools/pipeline/outputSwap.ts";
import { runScript, startScript, until } from "../../support/buildScript.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    chmodTree(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A work folder with a published site (site/index.html, site/stories/a/index.html) and an empty content root. */
function workspace(): { work: string; live: string; content: string } {
  const work = mkdtempSync(join(tmpdir(), "archive-attack-out-"));
  made.push(work);
  chmodSync(work, 0o755);
  const live = join(work, "site");
  mkdirSync(join(live, "stories/a"), { recursive: true });
  writeFileSync(join(live, "index.html"), "old site");
  writeFileSync(join(live, "stories/a/index.html"), "old story");
  const content = join(work, "content");
  mkdirSync(join(content, "stories"), { recursive: true });
  mkdirSync(join(content, "people"), { recursive: true });
  return { work, live, content };
}

function chmodTree(dir: string, mode: number): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, mode);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), mode);
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { recursive: true })) chownSync(join(dir, String(entry)), uid, gid);
}

// Root ignores file modes, so as root the build runs as `nobody`, for whom they hold.
const asRoot = process.getuid?.() === 0;
const nobody = { uid: 65534, gid: 65534 };

function build(work: { live: string; content: string }, as?: typeof nobody) {
  return runScript("tools/build.ts", [], { ARCHIVE_OUT_DIR: work.live, ARCHIVE_CONTENT_DIR: work.content }, as);
}

const noStack = /^\s+at .+:\d+:\d+\)?$/m;

describe("attack: the output folder", () => {
  it("refuses a read-only dist/ before anything changes, with a sentence", () => {
    const work = workspace();
    if (asRoot) chownTree(work.work, nobody.uid, nobody.gid);
    chmodTree(work.live, 0o555);
    const result = build(work, asRoot ? nobody : undefined);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /site is not writable \(EACCES\), so the build could not replace .*site\/; nothing was changed/,
    );
    expect(result.stderr).toMatch(/chmod -R u\+w/);
    expect(result.stderr).not.toMatch(noStack);
    expect(readFileSync(join(work.live, "index.html"), "utf8")).toBe("old site");
    expect(readdirSync(work.work).sort()).toEqual(["content", "site"]);
  });

  it("refuses an output folder whose parent is read-only", () => {
    const work = workspace();
    chmodSync(work.work, 0o555);
    const result = build(work, asRoot ? nobody : undefined);
    chmodSync(work.work, 0o755);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/archive-attack-out-\w+ is not writable \(EACCES\)/);
    expect(result.stderr).not.toMatch(noStack);
    expect(readdirSync(work.work).sort()).toEqual(["content", "site"]);
  });

  it("recovers from a build killed after a finished swap (old copy and staging left behind)", () => {
    const work = workspace();
    mkdirSync(join(work.work, ".site-previous/stories"), { recursive: true });
    mkdirSync(join(work.work, ".site-staging/stories"), { recursive: true });
    const result = build(work);
    expect(result.stderr).toMatch(/holds no stories/);
    expect(result.stderr).not.toMatch(noStack);
    expect(readdirSync(work.work).sort()).toEqual(["content", "site"]);
    expect(readFileSync(join(work.live, "index.html"), "utf8")).toBe("old site");
  });

  it("puts the old site back after a build killed between the two renames", () => {
    const work = workspace();
    const previous = join(work.work, ".site-previous");
    rmSync(previous, { recursive: true, force: true });
    // As the swap leaves it after its first rename: live moved aside, staging not yet in place.
    mkdirSync(join(work.work, ".site-staging"));
    writeFileSync(join(work.work, ".site-staging/index.html"), "unchecked");
    renameSync(work.live, previous);
    const result = build(work);
    expect(result.stdout).toMatch(/Restored .*site from an interrupted build/);
    expect(readFileSync(join(work.live, "index.html"), "utf8")).toBe("old site");
    expect(readdirSync(work.work).sort()).toEqual(["content", "site"]);
  });

  it("makes a second build of the same output wait for the first, then go on", async () => {
    const work = workspace();
    const holder = spawn("sleep", ["60"]);
    const lock = join(work.work, ".site.lock");
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, started: "2026-01-01T00:00:00Z" }));
    const second = startScript("tools/build.ts", [], { ARCHIVE_OUT_DIR: work.live, ARCHIVE_CONTENT_DIR: work.content });
    try {
      await until(
        () => /Waiting for another build \(process \d+\) of .*site\/ to finish/.test(second.output()),
        30_000,
        "the wait message",
      );
      // The waiting build has not touched anything yet.
      expect(readdirSync(work.work).sort()).toEqual([".site.lock", "content", "site"]);
      rmSync(lock);
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/holds no stories/);
    } finally {
      holder.kill();
      second.child.kill();
    }
    expect(readdirSync(work.work).sort()).toEqual(["content", "site"]);
  });

  it("takes over a lock left by a killed build", () => {
    const work = workspace();
    const gone = spawn("true");
    const pid = gone.pid;
    writeFileSync(join(work.work, ".site.lock"), JSON.stringify({ pid, started: "2026-01-01T00:00:00Z" }));
    return new Promise<void>((resolve) =>
      gone.on("exit", () => {
        const result = build(work);
        expect(result.stdout).toMatch(
          new RegExp(`Took over .*\\.site\\.lock: the build that held it \\(process ${pid}\\) is no longer running`),
        );
        expect(result.stderr).toMatch(/holds no stories/);
        expect(existsSync(join(work.work, ".site.lock"))).toBe(false);
        resolve();
      }),
    );
  });

  it("takes over a lock file a killed build left empty", () => {
    const work = workspace();
    const lock = join(work.work, ".site.lock");
    writeFileSync(lock, "");
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const result = build(work);
    expect(result.stdout).toMatch(/Took over/);
    expect(result.stderr).toMatch(/holds no stories/);
  });
});

describe("build lock", () => {
  it("refuses with a sentence when the other build does not finish in time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-lock-"));
    made.push(dir);
    const path = join(dir, ".dist.lock");
    const first = await acquireBuildLock(path, "dist/", { timeoutMs: 0, pollMs: 10 });
    await expect(acquireBuildLock(path, "dist/", { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(
      new RegExp(`Another build \\(process ${process.pid}, started .*\\) is writing dist/; wait for it to finish`),
    );
    first.release();
    const again = await acquireBuildLock(path, "dist/", { timeoutMs: 0, pollMs: 10 });
    expect(again.tookOver).toBeUndefined();
    again.release();
    expect(existsSync(path)).toBe(false);
  });
});

describe("an output folder on another disk", () => {
  const shm = "/dev/shm";
  const otherDisk = existsSync(shm) && statSync(shm).dev !== statSync(process.cwd()).dev;

  it.runIf(otherDisk)("is built inside the project, then copied beside the output (no EXDEV)", () => {
    const live = mkdtempSync(join(shm, "archive-out-"));
    made.push(live);
    const paths = outputPaths({ ARCHIVE_OUT_DIR: join(live, "site") });
    expect(paths.build.startsWith(process.cwd())).toBe(true);
    expect(paths.staging).toBe(join(live, ".site-staging"));
    made.push(paths.build);
    mkdirSync(join(paths.build, "_astro"), { recursive: true });
    writeFileSync(join(paths.build, "_astro/app.js"), "x");
    moveBuildToStaging(paths);
    expect(readFileSync(join(paths.staging, "_astro/app.js"), "utf8")).toBe("x");
    expect(existsSync(paths.build)).toBe(false);
  });
});
