import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A held lock; release() is safe to call twice. `tookOver` says so when a dead build's lock was taken. */
export type BuildLock = Awaited<ReturnType<typeof acquireBuildLock>>;

/**
 * Takes the lock file of one output folder, created with O_EXCL so two builds can never both hold it.
 * A second build waits for the first (telling `onWait` once), then refuses with a sentence after
 * `timeoutMs`. A lock whose process is gone (a killed build) is taken over.
 */
export async function acquireBuildLock(
  lockPath: string,
  what: string,
  wait: { timeoutMs: number; pollMs: number; onWait?: (message: string) => void },
) {
  const deadline = Date.now() + wait.timeoutMs;
  let told = false;
  let tookOver: string | undefined;
  for (;;) {
    try {
      writeFileSync(lockPath, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }), { flag: "wx" });
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
      return { release, tookOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    // An empty lock is either being written this instant or was left by a build killed mid-write.
    const age = Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (owner === undefined && age < 5_000) {
      await sleep(50);
    } else if (owner === undefined || !isRunning(owner.pid)) {
      tookOver = `Took over ${lockPath}: the build that held it${owner ? ` (process ${owner.pid})` : ""} is no longer running.`;
      rmSync(lockPath, { force: true });
    } else if (Date.now() >= deadline) {
      throw new Error(
        `Another build (process ${owner.pid}, started ${owner.started}) is writing ${what}; wait for it to finish and run the build again. ` +
          `If no build is running, delete ${lockPath}.`,
      );
    } else {
      if (!told) wait.onWait?.(`Waiting for another build (process ${owner.pid}) of ${what} to finish...`);
      told = true;
      await sleep(wait.pollMs);
    }
  }
}

/** Who holds the lock; undefined when the file is unreadable or half-written (its writer was killed). */
function readOwner(lockPath: string): { pid: number; started: string } | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath, "utf8")) as { pid?: unknown; started?: unknown };
    return typeof owner.pid === "number" ? { pid: owner.pid, started: String(owner.started) } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists (EPERM: it does, under another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
