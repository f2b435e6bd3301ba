import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { ImportError, quietly, type SourceLine } from "./types.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

// C0 and C1 controls other than tab, newline and carriage return: they have no place in
// archived prose, are invalid in HTML, and usually mean the file is not text at all.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

// The largest transcript the importer takes: about seventy times the longest interview in the archive.
// Anything bigger is almost surely not one transcript, and would strain the build.
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** "1.5 MB", "340 KB": a size as a person reads it. */
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Refuses a symbolic link (it could publish ~/.ssh/id_rsa) unless followed, a device or pipe, and a huge file. */
export function checkInputFile(path: string, followSymlinks = false): void {
  const link = quietly(() => lstatSync(path));
  if (link?.isSymbolicLink() && !followSymlinks) {
    const target = quietly(() => realpathSync(path)) ?? "a file that does not exist";
    throw new ImportError(
      path,
      `is a symbolic link (to ${target}); the importer reads only real files, so copy the transcript here or pass --follow-symlinks`,
    );
  }
  const file = link?.isSymbolicLink() ? quietly(() => statSync(path)) : link;
  if (file && !file.isFile() && !file.isDirectory())
    throw new ImportError(path, "is not a regular file (a device, pipe or socket); pass the path of a .txt transcript");
  if ((file?.size ?? 0) > MAX_SOURCE_BYTES) {
    throw new ImportError(
      path,
      `is ${formatSize(file!.size)}; the importer takes transcripts up to ${formatSize(MAX_SOURCE_BYTES)}, so this is probably not one transcript (split it, or check the file)`,
    );
  }
}

/** Reads a file and refuses anything that is not non-empty UTF-8 text: exact bytes for archiving, lines for parsing. */
export function readSource(path: string): { path: string; bytes: Uint8Array; lines: SourceLine[] } {
  const refuse = (reason: string) => new ImportError(path, reason);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : String(error);
    throw refuse(`${why}; pass the path of a .txt transcript`);
  }
  if (bytes.length === 0) throw refuse("the file is empty; there is nothing to import");
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    throw refuse(`looks like a binary file (NUL byte at offset ${nul}); the importer takes plain UTF-8 text`);
  const decoded = quietly(() => utf8.decode(bytes));
  if (decoded === undefined)
    throw refuse(
      `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}); re-save it as UTF-8 text`,
    );
  const text = decoded.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw refuse("the file holds only whitespace; there is nothing to import");
  const control = CONTROL.exec(text);
  if (control) {
    const before = text.slice(0, control.index).split("\n");
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`;
    throw refuse(`${where}: control character U+${code}; remove it (it is not text)`);
  }
  return { path, bytes, lines: text.split("\n").map((line, index) => ({ number: index + 1, text: line })) };
}

/** Offset of the first byte that breaks UTF-8: where the first replacement character not in the file decodes from. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  for (let at = text.indexOf("\uFFFD"); ; at = text.indexOf("\uFFFD", at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
}
