import { isAbsolute, resolve } from "node:path";

/**
 * The folder that holds `stories/`, `people/` and `sources/`.
 * `ARCHIVE_CONTENT_DIR` lets an archive keep its content in its own repository.
 */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromEnv = env["ARCHIVE_CONTENT_DIR"];
  if (fromEnv === undefined || fromEnv === "") return resolve(cwd, "content");
  if (!isAbsolute(fromEnv)) {
    throw new Error(
      `ARCHIVE_CONTENT_DIR must be an absolute path, got "${fromEnv}". Try ARCHIVE_CONTENT_DIR="$PWD/${fromEnv}".`,
    );
  }
  return fromEnv;
}
