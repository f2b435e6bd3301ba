import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

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

/**
 * Writes every file or none. Each file first goes to a temporary file beside its target (so
 * a full disk or a bad path fails before anything is replaced); then each is renamed into
 * place, which is atomic per file. If a rename fails, targets already replaced get their
 * old bytes back and new ones are removed, so the content folder ends as it began.
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
