import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Turns rendered HTML into feed-safe HTML for one page (see sanitizeFeedHtml). */
export type Sanitizer = (html: string, pageUrl: string) => string;

/**
 * `sanitize`, remembered on disk in `dir/<version>/`. A story sits in up to three feeds
 * (site, company, person) that render far apart in a build, and parsing is most of a feed's
 * cost; on disk the results cost no memory however large the archive, and the next build
 * parses only the stories that changed.
 *
 * The key is a hash of `version`, the page URL and the whole input HTML, so a changed story,
 * address or sanitizer can never be answered with an old result. `version` must change
 * whenever the sanitizer's output could (see feed.ts); other versions' folders are removed
 * on first use, so the cache holds one sanitizer's results.
 *
 * Synchronous on purpose: one small file per story, and fs/promises costs several times the
 * CPU of these calls (measured); it also means no two calls can race on one entry.
 */
export function diskCachedSanitizer(dir: string, version: string, sanitize: Sanitizer): Sanitizer {
  const name = /^[\w.-]{1,64}$/.test(version) ? version : createHash("sha256").update(version).digest("hex");
  const folder = join(dir, name);
  let usable: boolean | undefined;

  return (html, pageUrl) => {
    usable ??= prepare(dir, name);
    const file = join(
      folder,
      `${createHash("sha256").update(`${version}\0${pageUrl}\0`).update(html).digest("base64url")}.html`,
    );
    if (usable) {
      try {
        return readFileSync(file, "utf8");
      } catch {
        // not cached yet (or unreadable): sanitize below
      }
    }
    const clean = sanitize(html, pageUrl);
    if (usable) store(file, clean);
    return clean;
  };
}

/** Written aside and renamed, so a build killed mid-write leaves no half entry to be read back. */
function store(file: string, html: string): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, html);
    renameSync(partial, file);
  } catch {
    // A full or read-only disk costs only the cache, never the build.
    rmSync(partial, { force: true });
  }
}

/**
 * Makes the cache folder and removes the folders of other versions. A cache folder that
 * cannot be made (read-only checkout) only means every story is sanitized every time.
 */
function prepare(dir: string, current: string): boolean {
  try {
    mkdirSync(join(dir, current), { recursive: true });
    for (const other of readdirSync(dir)) {
      if (other !== current) rmSync(join(dir, other), { recursive: true, force: true });
    }
    return true;
  } catch {
    return false;
  }
}
