import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isRunning } from "../pipeline/buildLock.ts";

/** One file the importer means to write. */
export interface PlannedWrite {
  path: string;
  contents: string | Uint8Array;
}

/** The file operations used, so tests can make one of them fail part-way. */
export interface FileOps {
  exists(path: string): boolean;
  read(path: string): Uint8Array;
  write(path: string, contents: string | Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  makeDir(path: string): void;
}

/** The real file system. */
export const nodeFileOps: FileOps = {
  exists: existsSync,
  read: (path) => readFileSync(path),
  write: (path, contents) => writeFileSync(path, contents),
  rename: renameSync,
  remove: unlinkSync,
  makeDir: (path) => mkdirSync(path, { recursive: true }),
};

// `<target>.import-<pid>-<time>.tmp`: the pid says whether the run that wrote it is still going.
const TEMP = /\.import-(\d+)-[0-9a-z]+\.tmp$/;

/**
 * Removes temporary files that an import killed mid-write (SIGKILL, power cut) left in the
 * content folders; files of a run still going are kept. Returns the paths removed.
 */
export function removeStaleTempFiles(contentDir: string, folders = ["stories", "people", "sources"]): string[] {
  const removed: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(join(contentDir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP.exec(name);
      if (!match || isRunning(Number(match[1]))) continue;
      unlinkSync(join(contentDir, folder, name));
      removed.push(join(contentDir, folder, name));
    }
  }
  return removed;
}

/**
 * Writes every file or none. Each file first goes to a temporary file beside its target (so
 * a full disk or a bad path fails before anything is replaced); then each is renamed into
 * place, in the order given, which is atomic per file. If a rename fails, targets already
 * replaced get their old bytes back and new ones are removed, so the content folder ends as it
 * began. A process killed outright cannot undo anything, so callers order the writes so that
 * every prefix is a consistent folder (the importer renames each story file last).
 */
export function writeAllOrNothing(writes: readonly PlannedWrite[], ops: FileOps = nodeFileOps): void {
  const suffix = `.import-${process.pid}-${Date.now().toString(36)}.tmp`;
  const staged: { target: string; temp: string }[] = [];
  try {
    for (const { path, contents } of writes) {
      ops.makeDir(dirname(path));
      const temp = `${path}${suffix}`;
      ops.write(temp, contents);
      staged.push({ target: path, temp });
    }
  } catch (error) {
    for (const { temp } of staged) quietly(() => ops.remove(temp));
    throw error;
  }

  const backups = new Map(staged.map(({ target }) => [target, ops.exists(target) ? ops.read(target) : undefined]));
  const done: string[] = [];
  try {
    for (const { target, temp } of staged) {
      ops.rename(temp, target);
      done.push(target);
    }
  } catch (error) {
    for (const target of done) {
      const before = backups.get(target);
      quietly(() => (before === undefined ? ops.remove(target) : ops.write(target, before)));
    }
    for (const { target, temp } of staged) if (!done.includes(target)) quietly(() => ops.remove(temp));
    throw error;
  }
}

function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // Best effort while undoing: the original error is the one worth reporting.
  }
}
