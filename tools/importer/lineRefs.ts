import { ImportError } from "./types.ts";
import type { SourceLine } from "./types.ts";

/** An editor's pointer to a source line: its number, or the words it starts with. */
export type LineRef = number | string;

/**
 * Turns line references into line numbers. Words are matched against the start of the
 * trimmed line and must pick out exactly one line, so a correction cannot silently drift.
 */
export function resolveLineRefs(
  refs: readonly LineRef[],
  lines: readonly SourceLine[],
  where: string,
  field: string,
): Set<number> {
  const numbers = new Set<number>();
  for (const ref of refs) {
    if (typeof ref === "number") {
      const line = lines[ref - 1];
      if (!Number.isInteger(ref) || !line || line.text.trim() === "") {
        throw new ImportError(where, `"${field}" names line ${ref}, which is not a non-blank line of the source`);
      }
      numbers.add(ref);
      continue;
    }
    const start = ref.trim();
    const matches = lines.filter((line) => start !== "" && line.text.trim().startsWith(start));
    if (matches.length !== 1) {
      const found =
        matches.length === 0 ? "matches no line" : `matches lines ${matches.map((m) => m.number).join(", ")}`;
      throw new ImportError(
        where,
        `"${field}" entry "${start}" ${found}; quote the first words of exactly one line, or give its number`,
      );
    }
    numbers.add(matches[0]!.number);
  }
  return numbers;
}
