import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** The live output folder and its two siblings used while building. */
export interface OutputPaths {
  /** What hosts serve: dist/ unless ARCHIVE_OUT_DIR says otherwise. */
  live: string;
  /** Where a build is written before it has passed every check. */
  staging: string;
  /** Where the live folder waits during the swap. */
  previous: string;
}

/** dist/ -> .dist-staging/ and .dist-previous/ beside it, on the same disk so renames are atomic. */
export function outputPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): OutputPaths {
  const live = resolve(cwd, env["ARCHIVE_OUT_DIR"] || "dist");
  const name = basename(live);
  return { live, staging: join(dirname(live), `.${name}-staging`), previous: join(dirname(live), `.${name}-previous`) };
}

/**
 * Puts things right after a build that died mid-swap: if the live folder is gone but the
 * previous one is there, the previous one goes back. Leftover staging is always removed.
 * Returns what it did, for the log.
 */
export function recoverInterruptedSwap(paths: OutputPaths): string | undefined {
  let note: string | undefined;
  if (!existsSync(paths.live) && existsSync(paths.previous)) {
    renameSync(paths.previous, paths.live);
    note = `Restored ${paths.live} from an interrupted build.`;
  } else if (existsSync(paths.previous)) {
    rmSync(paths.previous, { recursive: true, force: true });
  }
  rmSync(paths.staging, { recursive: true, force: true });
  return note;
}

/** Throws the staging folder away; the live folder is untouched. */
export function discardStaging(paths: OutputPaths): void {
  rmSync(paths.staging, { recursive: true, force: true });
}

/**
 * Makes the checked staging folder live with two renames (live -> previous, staging -> live),
 * then deletes the previous build. If the second rename fails, the previous build goes back.
 * At no point does the live path hold a half-written site.
 */
export function swapIntoPlace(paths: OutputPaths): void {
  const hadLive = existsSync(paths.live);
  if (hadLive) renameSync(paths.live, paths.previous);
  try {
    renameSync(paths.staging, paths.live);
  } catch (error) {
    if (hadLive) renameSync(paths.previous, paths.live);
    throw error;
  }
  rmSync(paths.previous, { recursive: true, force: true });
}

/** How many story pages (stories/<id>/index.html) an output folder holds; 0 when it does not exist. */
export function publishedStoryCount(dir: string): number {
  const stories = join(dir, "stories");
  if (!existsSync(stories)) return 0;
  return readdirSync(stories, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && existsSync(join(stories, entry.name, "index.html")),
  ).length;
}
