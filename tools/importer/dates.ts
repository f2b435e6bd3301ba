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

const MONTH_WORD = String.raw`([A-Za-z]{3,9})\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
// "2021-02" or "2021-02-14"; "May 2020", "May, 2020", "May 14, 2020", "Sept. 2021"; "14 May 2020".
const ISO = /\b(\d{4})-(0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b/;
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH_WORD}(?:\s+${DAY})?,?\s+(\d{4})\b`);
const DAY_FIRST = new RegExp(String.raw`\b${DAY}\s+${MONTH_WORD},?\s+(\d{4})\b`);

function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  return MONTHS.findIndex((m) => lower.length >= 3 && m.startsWith(lower));
}

/** "May, 2020", "early February, 2021", "Sept 2021", "14 May 2020" or "2021-02-14" -> "2021-02"; undefined when unsure. */
export function parseMonthYear(text: string): string | undefined {
  const iso = ISO.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}`;
  for (const pattern of [MONTH_FIRST, DAY_FIRST]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const month = monthNumber(match[1]!);
    if (month !== -1) return `${match[2]}-${String(month + 1).padStart(2, "0")}`;
  }
  return undefined;
}

// A line that is nothing but a date: "January, 2021", "Feb 2023", "2022-06-14", "late March 2022".
const DATE_ONLY = new RegExp(
  String.raw`^(?:(?:early|mid|late)[- ])?(?:${ISO.source}|${MONTH_FIRST.source}|${DAY_FIRST.source})\.?$`,
  "i",
);

/** The month a line gives when the whole line is a date, else undefined. */
export function dateOnlyLine(text: string): string | undefined {
  const trimmed = text.trim();
  return DATE_ONLY.test(trimmed) ? parseMonthYear(trimmed) : undefined;
}

/** Which header date a labelled line gives. */
export type DateField = "recorded" | "published";

// "Recorded: 2023-04-18", "Published March 2023", "Posted on 12 May 2022", "Date: …".
const LABELLED =
  /^(?:(recorded|interviewed)|(published|posted|released|aired|date))(?:\s+(?:on|in))?\s*[:\-–—]?\s+(.{4,40}?)\.?$/i;
// "This story was recorded in May, 2020. Learn more…", "Story recorded in …", "Written interview in …".
const SENTENCE =
  /^(?:This story was recorded in|Story recorded in|Written interview in|Recorded in|Interviewed in|Interview recorded in)\s+([^.]+)\./i;

const LOOSE = /^(?:(recorded|interviewed)|published|posted|aired)\b.{0,80}$/i;

/** A dated header line: which date it gives, and the month, or undefined. */
export function labelledDate(text: string): { field: DateField; month: string; whole: boolean } | undefined {
  const trimmed = text.trim();
  const labelled = LABELLED.exec(trimmed);
  if (labelled) {
    const month = parseMonthYear(labelled[3]!);
    // "Posted on 3 February 2024 · 6 min read" gives a date but says more than the header will show.
    const whole = dateOnlyLine(labelled[3]!) !== undefined;
    if (month) return { field: labelled[1] ? "recorded" : "published", month, whole };
  }
  const sentence = SENTENCE.exec(trimmed);
  if (sentence) {
    const month = parseMonthYear(sentence[1]!);
    if (month) return { field: "recorded", month, whole: false };
  }
  // "Recorded live at DevOpsDays Lisbon, 14 October 2023".
  const loose = LOOSE.exec(trimmed);
  const month = loose ? parseMonthYear(trimmed) : undefined;
  if (loose && month) return { field: loose[1] ? "recorded" : "published", month, whole: false };
  return undefined;
}
