import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, join, resolve, sep } from "node:path";

/** The live output folder and the folders used while building. */
export interface OutputPaths {
  /** What hosts serve: dist/ unless ARCHIVE_OUT_DIR says otherwise. */
  live: string;
  /** Where a build is checked before it goes live; beside `live`, so the swap is a rename on one disk. */
  staging: string;
  /** Where the live folder waits during the swap. */
  previous: string;
  /** The lock file that keeps two builds of one output folder apart. */
  lock: string;
  /**
   * Where Astro writes. Astro keeps its prerender bundle inside the output folder only when that
   * folder is inside the project, and otherwise in the project's `.astro/` and moves files across
   * with rename(), which fails between disks (EXDEV). So a live folder outside the project is built
   * in the project first and then moved beside it (copied when it is on another disk).
   */
  build: string;
}

/** An output folder problem said as a sentence; the build prints it and exits 1 before changing anything. */
export class OutputError extends Error {}

/** dist/ -> .dist-staging/, .dist-previous/ and .dist.lock beside it. */
export function outputPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): OutputPaths {
  const live = resolve(cwd, env["ARCHIVE_OUT_DIR"] || "dist");
  const name = basename(live);
  const parent = dirname(live);
  const staging = join(parent, `.${name}-staging`);
  const inside = live.startsWith(resolve(cwd) + sep);
  const key = createHash("sha256").update(live).digest("hex").slice(0, 12);
  return {
    live,
    staging,
    previous: join(parent, `.${name}-previous`),
    lock: join(parent, `.${name}.lock`),
    build: inside ? staging : join(resolve(cwd), "node_modules", ".archive-build", key),
  };
}

/**
 * Refuses, before anything is built, an output folder the swap could not finish: its parent must
 * be writable (the renames and the lock live there), and so must every folder in the live and
 * previous trees (deleting the old site needs it). A read-only dist/ used to be swapped out and
 * then fail to delete, leaving a changed site behind a failing exit.
 */
export function checkWriteAccess(paths: OutputPaths): void {
  const parent = dirname(paths.live);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new OutputError(
      `Cannot create ${parent} for the output folder (${code(error)}); create it, or set ARCHIVE_OUT_DIR elsewhere.`,
    );
  }
  const unwritable = firstUnwritable(parent, false) ?? firstUnwritable(paths.live) ?? firstUnwritable(paths.previous);
  if (unwritable) {
    throw new OutputError(
      `${unwritable.path} is not writable (${unwritable.code}), so the build could not replace ${paths.live}/; nothing was changed. ` +
        `Make it writable (e.g. chmod -R u+w ${unwritable.path}) or set ARCHIVE_OUT_DIR to a folder you can write.`,
    );
  }
}

function firstUnwritable(dir: string, deep = true): { path: string; code: string } | undefined {
  if (!existsSync(dir)) return undefined;
  const dirs = [dir];
  if (deep) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(join(entry.parentPath, entry.name));
    }
  }
  for (const path of dirs) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      return { path, code: code(error) };
    }
  }
  return undefined;
}

/**
 * Puts things right after a build that died (killed, power cut) before or during the swap: if the
 * live folder is gone but the previous one is there, the previous one goes back; a previous folder
 * beside a live one is the old site of a finished swap and goes; leftover staging and build
 * folders are removed. Returns what it did, for the log; throws an OutputError when it cannot.
 */
export function recoverInterruptedSwap(paths: OutputPaths): string | undefined {
  let note: string | undefined;
  if (!existsSync(paths.live) && existsSync(paths.previous)) {
    attempt(() => renameSync(paths.previous, paths.live), `put ${paths.previous} back as ${paths.live}`);
    note = `Restored ${paths.live} from an interrupted build.`;
  } else if (existsSync(paths.previous)) {
    attempt(
      () => rmSync(paths.previous, { recursive: true, force: true }),
      `remove ${paths.previous} (left by an earlier build)`,
    );
  }
  discardStaging(paths);
  return note;
}

/** Throws the staging (and build) folder away; the live folder is untouched. */
export function discardStaging(paths: OutputPaths): void {
  for (const dir of new Set([paths.staging, paths.build])) {
    attempt(() => rmSync(dir, { recursive: true, force: true }), `remove ${dir} (left by an earlier build)`);
  }
}

/**
 * Moves Astro's output from the build folder to staging: a rename on one disk, otherwise a copy
 * and a delete. A no-op when Astro wrote into staging directly.
 */
export function moveBuildToStaging(paths: OutputPaths): void {
  if (paths.build === paths.staging) return;
  rmSync(paths.staging, { recursive: true, force: true });
  try {
    renameSync(paths.build, paths.staging);
  } catch (error) {
    if (code(error) !== "EXDEV") throw error;
    cpSync(paths.build, paths.staging, { recursive: true, errorOnExist: true, force: false });
    rmSync(paths.build, { recursive: true, force: true });
  }
}

/**
 * Makes the checked staging folder live with two renames (live -> previous, staging -> live),
 * then deletes the previous build. If the second rename fails, the previous build goes back. At
 * no point does the live path hold a half-written site. Once the new site is live, failing to
 * delete the old copy is only a warning (returned): the next build removes it.
 */
export function swapIntoPlace(paths: OutputPaths): string | undefined {
  const hadLive = existsSync(paths.live);
  if (hadLive) renameSync(paths.live, paths.previous);
  try {
    renameSync(paths.staging, paths.live);
  } catch (error) {
    if (hadLive) renameSync(paths.previous, paths.live);
    throw error;
  }
  try {
    rmSync(paths.previous, { recursive: true, force: true });
  } catch (error) {
    return `the new site is live, but the old copy ${paths.previous} could not be deleted (${code(error)}); the next build removes it.`;
  }
  return undefined;
}

/** How many story pages (stories/<id>/index.html) an output folder holds; 0 when it does not exist. */
export function publishedStoryCount(dir: string): number {
  const stories = join(dir, "stories");
  if (!existsSync(stories)) return 0;
  return readdirSync(stories, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && existsSync(join(stories, entry.name, "index.html")),
  ).length;
}

function attempt(step: () => void, what: string): void {
  try {
    step();
  } catch (error) {
    throw new OutputError(
      `Could not ${what} (${code(error)}); fix its permissions or remove it by hand, then build again.`,
    );
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
