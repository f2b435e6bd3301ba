import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";

/** Who holds a build lock, as written into the lock file. */
interface LockOwner {
  pid: number;
  started: string;
}

/** How long a build waits for another build of the same output folder, and how often it looks. */
export interface LockWait {
  timeoutMs: number;
  pollMs: number;
  /** Told once, when the lock is held by a running build. */
  onWait?: (message: string) => void;
}

/** A held lock; release() is safe to call twice. */
export interface BuildLock {
  release(): void;
  /** Set when the lock was taken over from a build that died without releasing it. */
  tookOver?: string;
}

/**
 * Takes the lock file for one output folder. A second build of the same folder waits for the
 * first (telling the user once), then refuses with a sentence after `timeoutMs`. A lock whose
 * process is gone (a killed build) is taken over. The file is created with O_EXCL, so two
 * builds can never both believe they hold it.
 */
export async function acquireBuildLock(lockPath: string, what: string, wait: LockWait): Promise<BuildLock> {
  const deadline = Date.now() + wait.timeoutMs;
  let told = false;
  let tookOver: string | undefined;
  for (;;) {
    try {
      writeFileSync(lockPath, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }), { flag: "wx" });
      const release = () => releaseIfOurs(lockPath);
      return tookOver ? { release, tookOver } : { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    // An empty lock is either being written this instant or was left by a build killed mid-write.
    if (owner === undefined && ageMs(lockPath) < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    if (owner === undefined || !isRunning(owner.pid)) {
      tookOver = `Took over ${lockPath}: the build that held it${owner ? ` (process ${owner.pid})` : ""} is no longer running.`;
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Another build (process ${owner.pid}, started ${owner.started}) is writing ${what}; wait for it to finish and run the build again. ` +
          `If no build is running, delete ${lockPath}.`,
      );
    }
    if (!told) {
      wait.onWait?.(`Waiting for another build (process ${owner.pid}) of ${what} to finish...`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs));
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" ? { pid: owner.pid, started: String(owner.started) } : undefined;
  } catch {
    // Unreadable or half-written (the writer was killed mid-write): nobody can be holding it.
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

function releaseIfOurs(lockPath: string): void {
  if (readOwner(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
}
