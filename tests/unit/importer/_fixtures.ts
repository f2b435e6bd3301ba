import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import type { ImportOptions } from "../../../tools/importer/importBatch.ts";
import { join, relative } from "node:path";

/** The committed content root. */
export const CONTENT = join(import.meta.dirname, "../../../content");

/** A fresh temporary folder; the caller removes it with `cleanUp`. */
export function tempDir(prefix = "importer-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh temporary folder holding an empty content root; the caller removes `dir` with `cleanUp`. */
export function makeContentRoot(): { dir: string; content: string } {
  const dir = tempDir();
  const content = join(dir, "content");
  mkdirSync(content);
  return { dir, content };
}

/** The smallest good transcript: a name, a role line, a date line, one question and its answer. */
export const JANE_TRANSCRIPT =
  "Jane Doe\n\nStaff Engineer at Acme\n\nThis story was recorded in May, 2021.\n\nWhat do you do?\n\nI write things down.\n";

/** Removes a temporary folder made by `tempDir`. */
export function cleanUp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies a committed source to `dir` without its sidecar, so only the heuristics act on it. */
export function bareCopy(slug: string, dir: string): string {
  const target = join(dir, `${slug}.txt`);
  copyFileSync(join(CONTENT, "sources", `${slug}.txt`), target);
  return target;
}

/** Writes a file (text or bytes) into `dir` and returns its path. */
export function writeFixture(dir: string, name: string, contents: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

/** Every file under `dir` with its bytes, to prove a refused run changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path).toString("base64");
    }
  };
  walk(dir);
  return files;
}

/** Import options for a batch into `contentDir`: nothing forced, written for real, no flags; `more` overrides. */
export function importOptions(contentDir: string, more: Partial<ImportOptions> = {}): ImportOptions {
  return { contentDir, force: false, dryRun: false, check: false, flags: {}, ...more };
}
