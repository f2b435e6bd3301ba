import { readFileSync, statSync } from "node:fs";
import type { ContentProblem } from "./problems.ts";

/**
 * The largest story file the build takes: 1 MB of text, several times the longest interview
 * known. A 50 MB story once made the build climb to 17.8 GB and abort without naming the file.
 */
export const MAX_STORY_BYTES = 1024 * 1024;
/** People files hold a name, a role and a few links. */
export const MAX_PERSON_BYTES = 64 * 1024;

/** "1.5 MB", "340 KB". */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads a story or person file as text, or says as a problem why it cannot be: too big (with
 * its size), unreadable (permissions, a broken link, a folder named like a file).
 */
export function readContentFile(path: string, kind: "story" | "person"): string | ContentProblem {
  const max = kind === "story" ? MAX_STORY_BYTES : MAX_PERSON_BYTES;
  try {
    const bytes = statSync(path).size;
    if (bytes > max) {
      return {
        file: path,
        message: `is ${size(bytes)}; a ${kind} file may be at most ${size(max)}`,
        hint:
          kind === "story"
            ? "That is several times the longest interview: split it into parts, or check that the file holds one story."
            : "A person file holds a name, a role, a company and a few links.",
      };
    }
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why: Record<string, string> = {
      EACCES: "it is not readable (permission denied); make it readable, e.g. chmod a+r",
      EPERM: "it is not readable (permission denied); make it readable, e.g. chmod a+r",
      ENOENT: "it is a link to a file that does not exist; fix or remove the link",
      ELOOP: "it is a link that points back at itself; remove the link",
      EISDIR: "it is a folder, not a file; rename the folder",
    };
    return { file: path, message: `cannot be read (${code})`, hint: why[code] ?? "Check the file's permissions." };
  }
}
