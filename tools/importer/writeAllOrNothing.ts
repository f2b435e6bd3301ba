import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isRunning } from "../pipeline/buildLock.ts";
import { quietly } from "./types.ts";

/** One file the importer means to write. */
export type PlannedWrite = { path: string; contents: string | Uint8Array };

/** The real file system; tests pass a copy with one operation failing part-way. */
export const nodeFileOps = {
  exists: (path: string): boolean => existsSync(path),
  read: (path: string): Uint8Array => readFileSync(path),
  write: (path: string, contents: string | Uint8Array): void => writeFileSync(path, contents),
  rename: (from: string, to: string): void => renameSync(from, to),
  remove: (path: string): void => unlinkSync(path),
  makeDir: (path: string): void => void mkdirSync(path, { recursive: true }),
};

/** The file operations used. */
export type FileOps = typeof nodeFileOps;

// `<target>.import-<pid>-<time>.tmp`: the pid says whether the run that wrote it is still going.
const TEMP = /\.import-(\d+)-[0-9a-z]+\.tmp$/;

/** Removes the temporary files a killed import left (those of a run still going are kept); returns their paths. */
export function removeStaleTempFiles(contentDir: string): string[] {
  const removed: string[] = [];
  for (const folder of ["stories", "people", "sources"].map((name) => join(contentDir, name))) {
    for (const name of quietly(() => readdirSync(folder)) ?? []) {
      const match = TEMP.exec(name);
      if (!match || isRunning(Number(match[1]))) continue;
      unlinkSync(join(folder, name));
      removed.push(join(folder, name));
    }
  }
  return removed;
}

/** Writes every file or none: each staged beside its target, renamed in the order given, undone if a rename fails. */
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
