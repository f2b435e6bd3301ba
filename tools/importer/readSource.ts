import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { ImportError } from "./types.ts";
import type { SourceLine } from "./types.ts";

/** A raw transcript that passed the input checks: exact bytes for archiving, lines for parsing. */
export interface SourceText {
  path: string;
  bytes: Uint8Array;
  lines: SourceLine[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

// C0 and C1 controls other than tab, newline and carriage return: they have no place in
// archived prose, are invalid in HTML, and usually mean the file is not text at all.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * The largest transcript the importer takes: 2 MB, about seventy times the longest interview
 * in the archive. Anything bigger is almost surely not one transcript, and would strain the build.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** "1.5 MB", "340 KB": a size as a person reads it. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Checks an input path before it is read: a symbolic link is refused unless `followSymlinks`
 * (a "transcript" linking to ~/.ssh/id_rsa would otherwise be archived and published), and a
 * file over MAX_SOURCE_BYTES is refused with its size. A missing file is left to readSource.
 */
export function checkInputFile(path: string, followSymlinks = false): void {
  let link;
  try {
    link = lstatSync(path);
  } catch {
    return;
  }
  if (link.isSymbolicLink() && !followSymlinks) {
    let target = "a file that does not exist";
    try {
      target = realpathSync(path);
    } catch {
      // A dangling link: say so rather than fail here.
    }
    throw new ImportError(
      path,
      `is a symbolic link (to ${target}); the importer reads only real files, so copy the transcript here or pass --follow-symlinks`,
    );
  }
  const file = link.isSymbolicLink() ? statOrUndefined(path) : link;
  if (file && !file.isFile() && !file.isDirectory()) {
    // A device or pipe (/dev/zero, a FIFO) could be read forever.
    throw new ImportError(path, "is not a regular file (a device, pipe or socket); pass the path of a .txt transcript");
  }
  const size = file?.size ?? 0;
  if (size > MAX_SOURCE_BYTES) {
    throw new ImportError(
      path,
      `is ${formatSize(size)}; the importer takes transcripts up to ${formatSize(MAX_SOURCE_BYTES)}, so this is probably not one transcript (split it, or check the file)`,
    );
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Reads a file and refuses anything that is not non-empty UTF-8 text. */
export function readSource(path: string): SourceText {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : String(error);
    throw new ImportError(path, `${why}; pass the path of a .txt transcript`);
  }
  return { path, bytes, lines: decodeSource(path, bytes) };
}

/** Decodes and validates source bytes; `path` only names the file in messages. */
export function decodeSource(path: string, bytes: Uint8Array): SourceLine[] {
  if (bytes.length === 0) throw new ImportError(path, "the file is empty; there is nothing to import");
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ImportError(
      path,
      `looks like a binary file (NUL byte at offset ${nul}); the importer takes plain UTF-8 text`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportError(
      path,
      `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}); re-save it as UTF-8 text`,
    );
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new ImportError(path, "the file holds only whitespace; there is nothing to import");
  const lines = text.split("\n").map((line, index) => ({ number: index + 1, text: line }));
  for (const line of lines) {
    const match = CONTROL.exec(line.text);
    if (match) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      throw new ImportError(
        path,
        `line ${line.number}, column ${match.index + 1}: control character U+${code}; remove it (it is not text)`,
      );
    }
  }
  return lines;
}

/** Offset of the first byte that breaks UTF-8, for an error message an editor can follow. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Decoding growing prefixes would be quadratic; walk the sequences instead.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
