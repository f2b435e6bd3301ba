import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, join, resolve, sep } from "node:path";

/**
 * The live output folder (dist/, or ARCHIVE_OUT_DIR) and, beside it so every swap is a rename on one
 * disk, staging (where a build is checked), previous (where the live folder waits during the swap)
 * and the lock file. `build` is where Astro writes: Astro renames its prerender bundle across from
 * `.astro/`, which fails between disks (EXDEV), so a live folder outside the project is built in the
 * project first and then moved beside it.
 */
export type OutputPaths = ReturnType<typeof outputPaths>;

/** dist/ -> .dist-staging/, .dist-previous/ and .dist.lock beside it. */
export function outputPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()) {
  const live = resolve(cwd, env["ARCHIVE_OUT_DIR"] || "dist");
  const beside = (suffix: string) => join(dirname(live), `.${basename(live)}${suffix}`);
  const key = createHash("sha256").update(live).digest("hex").slice(0, 12);
  const build = live.startsWith(resolve(cwd) + sep)
    ? beside("-staging")
    : join(cwd, "node_modules/.archive-build", key);
  return { live, staging: beside("-staging"), previous: beside("-previous"), lock: beside(".lock"), build };
}

/**
 * Refuses, before anything is built, an output folder the swap could not finish: its parent (the
 * renames and the lock) and every folder of the live and previous trees (deleting the old site).
 */
export function checkWriteAccess(paths: OutputPaths): void {
  const parent = dirname(paths.live);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new Error(
      `Cannot create ${parent} for the output folder (${code(error)}); create it, or set ARCHIVE_OUT_DIR elsewhere.`,
      { cause: error },
    );
  }
  for (const path of [parent, ...foldersIn(paths.live), ...foldersIn(paths.previous)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw new Error(
        `${path} is not writable (${code(error)}), so the build could not replace ${paths.live}/; nothing was changed. ` +
          `Make it writable (e.g. chmod -R u+w ${path}) or set ARCHIVE_OUT_DIR to a folder you can write.`,
        { cause: error },
      );
    }
  }
}

/** A folder and every folder inside it; none when it does not exist. */
function foldersIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return [dir, ...entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name))];
}

/**
 * Puts things right after a build that died before or during the swap: a previous folder without a
 * live one goes back; beside a live one it is a finished swap's old site and goes; staging goes.
 */
export function recoverInterruptedSwap(paths: OutputPaths): string | undefined {
  const restore = !existsSync(paths.live) && existsSync(paths.previous);
  if (restore) attempt(() => renameSync(paths.previous, paths.live), `put ${paths.previous} back as ${paths.live}`);
  else remove(paths.previous);
  discardStaging(paths);
  return restore ? `Restored ${paths.live} from an interrupted build.` : undefined;
}

/** Throws the staging (and build) folder away; the live folder is untouched. */
export function discardStaging(paths: OutputPaths): void {
  remove(paths.staging);
  remove(paths.build);
}

/** Moves Astro's output from the build folder to staging (a rename, or a copy between disks), unless it is there already. */
export function moveBuildToStaging(paths: OutputPaths): void {
  // Staging is gone already: recoverInterruptedSwap cleared it under the lock.
  if (paths.build === paths.staging) return;
  try {
    renameSync(paths.build, paths.staging);
  } catch (error) {
    if (code(error) !== "EXDEV") throw error;
    cpSync(paths.build, paths.staging, { recursive: true, errorOnExist: true, force: false });
    rmSync(paths.build, { recursive: true, force: true });
  }
}

/**
 * Makes the checked staging folder live with two renames (live -> previous, staging -> live; the
 * first undone if the second fails), so the live path never holds a half-written site, then deletes
 * the previous build; failing that once the new site is live is only a warning (returned).
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
  const entries = existsSync(stories) ? readdirSync(stories) : [];
  return entries.filter((name) => existsSync(join(stories, name, "index.html"))).length;
}

/** Removes a folder left by an earlier build, or says what to do when it cannot. */
function remove(dir: string): void {
  attempt(() => rmSync(dir, { recursive: true, force: true }), `remove ${dir} (left by an earlier build)`);
}

function attempt(step: () => void, what: string): void {
  try {
    step();
  } catch (error) {
    throw new Error(`Could not ${what} (${code(error)}); fix its permissions or remove it by hand, then build again.`, {
      cause: error,
    });
  }
}

/** The error's code (EACCES, EXDEV ...), or the error in words. */
const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);
