import type { Detected, HeaderLine, SourceLine } from "./types.ts";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "May, 2020", "early February, 2021", "Sept 2021" or "2021-02" -> "2021-02"; undefined when unsure. */
export function parseMonthYear(text: string): string | undefined {
  const iso = /\b(\d{4})-(0[1-9]|1[0-2])\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const words = /\b([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (!words) return undefined;
  const word = words[1]!.toLowerCase();
  const month = MONTHS.findIndex((m) => m.startsWith(word));
  return month === -1 ? undefined : `${words[2]}-${String(month + 1).padStart(2, "0")}`;
}

/** The line story pages and newsletters use to say when the interview happened. */
const RECORDED_LINE = /^(?:This story was recorded in|Written interview in|Recorded in|Interviewed in)\s+([^.]+)\./i;

// A name is a few capitalised words (particles such as "van" or "de" allowed), no sentence punctuation.
const NAME_LINE = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|du|la|le|bin|al)){0,4}$/u;
// "Technical Advisor to the Head of Infrastructure at Stripe": a title line, not a sentence.
const ROLE_LINE = /^(.{2,120}) at ([^.?!:;]{2,60})$/;
const MAX_ROLE_WORDS = 16;

/** Header facts found at the top of a story page or newsletter, and the lines they came from. */
export interface HeaderFindings {
  detected: Detected;
  candidates: HeaderLine[];
  /** The last line of the header ("recorded in" included); the first question comes after it. */
  introEnd: number;
}

/**
 * Reads the name, "Role at Company" and "recorded in" lines at the top of an interview.
 * `lines` are the body lines left after clutter removal, in order.
 */
export function readHeader(lines: readonly SourceLine[]): HeaderFindings {
  const detected: Detected = {};
  const candidates: HeaderLine[] = [];
  const top = lines.filter((line) => line.text.trim() !== "").slice(0, 4);
  let next = 0;
  let introEnd = 0;

  const first = top[0];
  if (first && NAME_LINE.test(first.text.trim())) {
    detected.name = first.text.trim();
    candidates.push({ line: first.number, text: first.text.trim(), field: "name" });
    next = 1;
    const second = top[1];
    const role = second ? ROLE_LINE.exec(second.text.trim()) : null;
    if (second && role && second.text.trim().split(/\s+/).length <= MAX_ROLE_WORDS) {
      detected.role = role[1]!;
      detected.company = role[2]!;
      candidates.push({ line: second.number, text: second.text.trim(), field: "role" });
      next = 2;
    }
    introEnd = candidates.at(-1)!.line;
  }
  for (const line of top.slice(next)) {
    const recorded = RECORDED_LINE.exec(line.text.trim());
    if (recorded) {
      const date = parseMonthYear(recorded[1]!);
      if (date) detected.recorded = date;
      introEnd = line.number;
      break;
    }
  }
  return { detected, candidates, introEnd };
}
