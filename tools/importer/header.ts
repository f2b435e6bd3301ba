/** The page header at the top of a source: name, role line, dates, links; how dates are written in it. */
import { MONTHS } from "../../src/lib/dates.ts";
import { plainText } from "./inline.ts";
import type { Detected, Guess, HeaderLine, SourceLine } from "./types.ts";

const MONTH_WORD = String.raw`([A-Za-z]{3,9})\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
// "2021-02" or "2021-02-14"; "May 2020", "May, 2020", "May 14, 2020", "Sept. 2021"; "14 May 2020".
const ISO = /\b(\d{4})-(0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b/;
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH_WORD}(?:\s+${DAY})?,?\s+(\d{4})\b`);
const DAY_FIRST = new RegExp(String.raw`\b${DAY}\s+${MONTH_WORD},?\s+(\d{4})\b`);

/** "May, 2020", "early February, 2021", "Sept 2021", "14 May 2020" or "2021-02-14" -> "2021-02"; undefined when unsure. */
export function parseMonthYear(text: string): string | undefined {
  const iso = ISO.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}`;
  for (const pattern of [MONTH_FIRST, DAY_FIRST]) {
    const [, word = "", year] = pattern.exec(text) ?? [];
    const month = MONTHS.findIndex((m) => word.length >= 3 && m.toLowerCase().startsWith(word.toLowerCase()));
    if (month !== -1) return `${year}-${String(month + 1).padStart(2, "0")}`;
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

// "Recorded: 2023-04-18", "Published March 2023", "Posted on 12 May 2022", "Date: …".
const LABELLED =
  /^(?:(recorded|interviewed)|(published|posted|released|aired|date))(?:\s+(?:on|in))?\s*[:\-–—]?\s+(.{4,40}?)\.?$/i;
// "This story was recorded in May, 2020. Learn more…", "Story recorded in …", "Written interview in …".
const SENTENCE =
  /^(?:This story was recorded in|Story recorded in|Written interview in|Recorded in|Interviewed in|Interview recorded in)\s+([^.]+)\./i;

const LOOSE = /^(?:(recorded|interviewed)|published|posted|aired)\b.{0,80}$/i;

/** A dated header line: which date it gives, and the month, or undefined. */
export function labelledDate(
  text: string,
): { field: "recorded" | "published"; month: string; whole: boolean } | undefined {
  const trimmed = text.trim();
  const labelled = LABELLED.exec(trimmed);
  const labelledMonth = labelled && parseMonthYear(labelled[3]!);
  // "Posted on 3 February 2024 · 6 min read" gives a date but says more than the header will show.
  if (labelledMonth) {
    const whole = dateOnlyLine(labelled[3]!) !== undefined;
    return { field: labelled[1] ? "recorded" : "published", month: labelledMonth, whole };
  }
  const sentence = SENTENCE.exec(trimmed);
  const sentenceMonth = sentence && parseMonthYear(sentence[1]!);
  if (sentenceMonth) return { field: "recorded", month: sentenceMonth, whole: false };
  // "Recorded live at DevOpsDays Lisbon, 14 October 2023".
  const loose = LOOSE.exec(trimmed);
  const month = loose && parseMonthYear(trimmed);
  return loose && month ? { field: loose[1] ? "recorded" : "published", month, whole: false } : undefined;
}

// A name is a few capitalised words (particles such as "van" or "de" allowed), no sentence punctuation.
const NAME_LINE = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|du|la|le|bin|al)){0,4}$/u;
// "Technical Advisor to the Head of Infrastructure at Stripe", "Distinguished Engineer @ Shopify". The
// company may hold a "." ("Twilio Inc.", "Booking.com") but no other sentence punctuation.
const ROLE_AT = /^(.{2,120}?)\s+(?:at|@)\s+([^?!:;]{2,60})$/u;
// Words a job title is made of: a line after the name with one of these and no company is a role alone.
const ROLE_WORD =
  /\b(?:engineer|engineering|architect|advisor|adviser|lead|principal|staff|fellow|developer|director|manager|head|vp|cto|ceo|founder|consultant|scientist|programmer|sre|member of technical staff|tech lead)\b/i;
const MAX_ROLE_WORDS = 16;
// "LinkedIn, Twitter", "GitHub · LinkedIn · Website": the names of profile links whose addresses a copy loses.
const LINK_NAME =
  /(?:linkedin|twitter|github|gitlab|(?:personal\s+)?(?:web\s?site|site|homepage|home page|blog)|mastodon|bluesky|threads|x|medium|substack|youtube|email|e-mail|newsletter|speaker deck|slideshare)/i;
const LINKS_LINE = new RegExp(
  String.raw`^${LINK_NAME.source}(?:(?:\s*[,·|•/&]\s*(?:and\s+)?|\s+and\s+)${LINK_NAME.source})*\.?$`,
  "i",
);
const LEARN_MORE = /^(?:Learn more about|Find \S+(?: \S+)? on|Follow \S+(?: \S+)? on|You can find \S+)/i;
const INTERVIEWER =
  /^(?:Interview(?:ed)? by|Interviewer:|Questions by|Hosted by|Host:)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\.?$/u;
// "Guest: Beatriz Santos, Staff Engineer at Nubank" (podcast show notes).
const GUEST = /^(?:Guest|With|Featuring):\s+([^,]{2,60}),\s+(.+)$/i;
const HEADER_WINDOW = 8;
// "An interview with Yusuf Demir", "A conversation with Jane Doe: on writing".
const TITLE_NAME =
  /^(?:An?\s+)?(?:interview|conversation|chat|Q&A|fireside chat)\s+with\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?:\s*[:,—–-].*)?$/iu;

// "Jane Doe is a Staff Engineer at Acme, where she…": an introduction naming the person, role and company.
const BIO =
  /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}) is (?:a|an|the) (.{2,80}?) at (\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*){0,3})(?=[,;:]|\.(?:\s|$)|\s+(?:where|and|since|in)\b)/u;
// "Staff Engineer Spotlight: Jane Doe", "Five questions | Jane Doe": a title whose last part is the name.
const TITLED_NAME = /^.{2,80}?\s*[:|—–]\s+(\S.*)$/u;

/** Header facts found at the top of a page, and the lines they came from. */
export type HeaderFindings = ReturnType<typeof readHeader>;

/** Reads "Role at Company" (company may be absent); undefined when the line is no job title. */
export function readRoleLine(text: string): { role: string; company?: string | undefined } | undefined {
  const trimmed = text.trim();
  if (trimmed.split(/\s+/).length > MAX_ROLE_WORDS || /[?!]$/.test(trimmed)) return undefined;
  const at = ROLE_AT.exec(trimmed);
  // The company may end in "." only as a company suffix ("Twilio Inc.").
  const company = at && (!at[2]!.endsWith(".") || /\b(?:Inc|Ltd|Corp|Co|LLC|Bros|S\.A|N\.V|AG|GmbH)\.$/.test(at[2]!));
  if (company) return { role: at[1]!, company: at[2]! };
  const roleAlone = ROLE_WORD.test(trimmed) && !/[.,;:]$/.test(trimmed) && !/\b(?:I|my|we|our)\b/.test(trimmed);
  return roleAlone ? { role: trimmed } : undefined;
}

function isNameLine(text: string): boolean {
  return NAME_LINE.test(text) && !LINKS_LINE.test(text) && dateOnlyLine(text) === undefined;
}

/** A name line counts only when a header line follows it: a role, a date, profile links. */
function confirmsHeader(next: string): boolean {
  const reads = [readRoleLine, dateOnlyLine, labelledDate].some((read) => read(next) !== undefined);
  return reads || LINKS_LINE.test(next) || LEARN_MORE.test(next);
}

/** Reads the header atop an interview; a transcript's `preamble` is read whole, passing over unknown lines. */
export function readHeader(lines: readonly SourceLine[], preamble = false) {
  const detected: Detected = {};
  const candidates: HeaderLine[] = [];
  // Header lines read by a looser rule than a known shape's, for the editor to check.
  const guesses: Guess[] = [];
  const nonBlank = lines.filter((line) => line.text.trim() !== "");
  const top = preamble ? nonBlank : nonBlank.slice(0, HEADER_WINDOW);
  // The last line of the header; the first question comes after it.
  let introEnd = 0;
  let i = 0;
  const text = (k: number) => plainText(top[k]?.text ?? "").trim();
  const take = (k: number, field: HeaderLine["field"], value = text(k)) =>
    candidates.push({ line: top[k]!.number, text: text(k), field, value });
  const takeRole = (k: number, { role, company }: NonNullable<ReturnType<typeof readRoleLine>>) => {
    detected.role = role;
    if (company !== undefined) detected.company = company;
    take(k, "role", company !== undefined ? `${role} at ${company}` : role);
  };

  // Title lines can stand above the name ("Principal Path", "Staff Notes, issue 31"), or end with it
  // ("Staff Engineer Spotlight: Jane Doe"): then the title stays in the story and only the name is read.
  const titledName = (k: number) => TITLED_NAME.exec(text(k))?.[1];
  const nameAt = [0, 1, 2].find(
    (k) => (isNameLine(text(k)) || isNameLine(titledName(k) ?? "")) && confirmsHeader(text(k + 1)),
  );
  if (nameAt !== undefined && !isNameLine(text(nameAt))) {
    detected.name = titledName(nameAt)!;
    guesses.push({ line: top[nameAt]!.number, text: text(nameAt), decision: "the person's name read from the title" });
  } else if (nameAt !== undefined) {
    if (nameAt === 1 && isNameLine(text(0))) {
      detected.sourceName = text(0);
      take(0, "source");
    }
    for (const title of top.slice(0, nameAt))
      guesses.push({ line: title.number, text: title.text.trim(), decision: "read as a title above the header" });
    detected.name = text(nameAt);
    take(nameAt, "name");
    introEnd = top[nameAt]!.number;
  }
  if (nameAt !== undefined) {
    i = nameAt + 1;
    const role = readRoleLine(text(i));
    if (role && top[i]) {
      takeRole(i, role);
      introEnd = top[i++]!.number;
    }
  }
  // Without a name line, a title or two may stand above the date and links lines.
  let titles = nameAt === undefined ? 2 : 0;
  for (; i < top.length; i++) {
    const words = text(i);
    const bare = dateOnlyLine(words);
    const dated = bare ? { field: "recorded" as const, month: bare, whole: true } : labelledDate(words);
    const role = readRoleLine(words);
    const bio = BIO.exec(words);
    if (dated) {
      detected[dated.field] ??= dated.month;
      if (dated.whole) take(i, dated.field, dated.month);
    } else if (detected.name !== undefined && detected.role === undefined && role) {
      // The role line after the date ("Jane Doe", "May 2021", "Staff Engineer at Acme").
      takeRole(i, role);
    } else if (INTERVIEWER.test(words)) {
      detected.interviewer = INTERVIEWER.exec(words)![1]!;
    } else if (GUEST.test(words)) {
      const [, name, rest] = GUEST.exec(words)!;
      const guest = readRoleLine(rest!);
      detected.name ??= name!.trim();
      detected.role ??= guest?.role;
      detected.company ??= guest?.company;
    } else if (bio && detected.name === undefined && ROLE_WORD.test(bio[2]!)) {
      // "Jane Doe is a Staff Engineer at Acme, where…": the sentence stays in the story; its facts are a guess.
      const [, name, bioRole, company] = bio;
      Object.assign(detected, { name, role: bioRole, company });
      // "… We talked in May 2023.": the introduction may date the conversation too.
      const month = /\b(?:talked|spoke|met|chatted|recorded|interviewed)\b/i.test(words) && parseMonthYear(words);
      if (month) detected.recorded ??= month;
      const facts = month ? "name, role, company and recorded date" : "name, role and company";
      guesses.push({ line: top[i]!.number, text: words, decision: `${facts} read from this sentence` });
      continue;
    } else if (TITLE_NAME.test(words) && detected.name === undefined) {
      detected.name = TITLE_NAME.exec(words)![1]!;
      guesses.push({ line: top[i]!.number, text: words, decision: "the person's name read from the title" });
      continue;
    } else if (!LINKS_LINE.test(words) && !LEARN_MORE.test(words)) {
      if (preamble) continue;
      if (introEnd === 0 && titles-- > 0) continue;
      break;
    }
    introEnd = top[i]!.number;
  }
  return { detected, candidates, introEnd, guesses };
}
