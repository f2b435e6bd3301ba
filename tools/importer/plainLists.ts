import { plainText } from "./emphasis.ts";
import { readListLine } from "./listItems.ts";
import type { SourceLine } from "./types.ts";

const MAX_ITEM_CHARS = 160;

/**
 * Lines the source plainly set as a list without bullets: right after a line ending in ":"
 * (one blank line allowed), two or more short lines with no blank line between them, ending
 * at a blank line. E-mails and copied pages drop the bullets but keep this shape.
 * `body` is every line in order, blank ones included. Returns the runs, first item first.
 */
export function findPlainLists(body: readonly SourceLine[]): SourceLine[][] {
  const runs: SourceLine[][] = [];
  for (let i = 0; i < body.length; i++) {
    if (!plainText(body[i]!.text).trim().endsWith(":")) continue;
    let j = i + 1;
    if (body[j]?.text.trim() === "") j++;
    const run: SourceLine[] = [];
    while (j < body.length && body[j]!.text.trim() !== "") run.push(body[j++]!);
    const listLike = run.every(
      (line) =>
        line.text.trim().length <= MAX_ITEM_CHARS && !readListLine(line.text) && !/\?["'”’]*$/.test(line.text.trim()),
    );
    if (run.length >= 2 && listLike) runs.push(run);
  }
  return runs;
}
