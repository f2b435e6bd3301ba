import { z } from "astro/zod";
import { withFriendlyErrors } from "./errorMap.ts";
import { slugify } from "../lib/slug.ts";

/** A month or day, written `2021-05` or `2021-05-14`; YAML may hand us a Date for the long form. */
export const partialDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: "must be a date like 2021-05 or 2021-05-14 (in quotes is safest)" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
      error: "must be a date like 2021-05 or 2021-05-14",
    })
    .refine((value) => !/^\d{4}-/.test(value) || Number(value.slice(0, 4)) >= 1000, {
      error: "must be a year from 1000 on (years before that are almost surely a typo)",
    })
    .refine(isCalendarDate, { error: "is not a real date: that month has fewer days" }),
);

/** One calendar day, written `2026-11-25`; YAML may hand us a Date. */
export const calendarDay = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: "must be a day like 2026-11-25 (in quotes is safest)" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "must be a day like 2026-11-25" })
    .refine(isCalendarDate, { error: "is not a real date: that month has fewer days" }),
);

/** 2021-02-30 passes the pattern but names no day; the calendar decides. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  if (day === undefined || year === undefined || month === undefined) return true;
  // setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDate() === day;
}

/**
 * Upper bounds on what a field may hold, so a pasted transcript in a `role:` cannot make a
 * 10,000-character heading or file name. Several times the longest real value.
 */
export const limits = {
  name: 120,
  role: 150,
  company: 120,
  summary: 300,
  topic: 60,
  topics: 30,
  note: 2000,
  notes: 50,
  url: 2000,
  links: 30,
} as const;

/** Text of 1..max characters that says something; surrounding spaces are dropped. */
function text(max: number) {
  return z.string().trim().min(1).max(max);
}

/** A name that becomes a page of its own (/companies/<slug>/, /topics/<slug>/): it needs a letter or digit. */
function pageName(max: number) {
  return text(max).refine((value) => slugify(value) !== "", {
    error: "has no letter or digit, so it cannot name a page; write the name out",
  });
}

/** An http(s) address: story and person links never run code. */
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(limits.url);

/** Where a story was first published, for attribution. */
export const sourceSchema = z.strictObject({
  /** Publication name as readers know it, e.g. "StaffEng". */
  name: text(limits.name),
  /** The page the story was published on. */
  url: httpUrl,
  /** The form the raw text came in, e.g. "newsletter email", "forum thread". */
  format: text(limits.name).optional(),
  /** Another place the same text can be read (an email archive, a mirror). */
  alternateUrl: httpUrl.optional(),
});

export const storyKinds = ["interview", "discussion"] as const;

/**
 * Frontmatter of one story. `person` is a plain id here; the collection swaps in
 * `reference("people")` so unknown people fail the build.
 */
export const storyData = z.strictObject({
  /** Id of the person in `people/`. */
  person: text(limits.name),
  /** Their role when the story was recorded. */
  role: text(limits.role),
  /** Their company when the story was recorded. */
  company: pageName(limits.company),
  /** When the interview was recorded or the thread written. */
  recorded: partialDate,
  /** When it was first published, when known; ordering falls back to `recorded`. */
  published: partialDate.optional(),
  /**
   * The day the story entered the archive (the importer writes the import day). Feeds and
   * "latest" lists order by it; a story without it counts as added when it was published.
   */
  added: calendarDay.optional(),
  kind: z.enum(storyKinds).default("interview"),
  source: sourceSchema,
  /** Who asked the questions, when known. */
  interviewer: text(limits.name).optional(),
  /** One line for lists, feeds and search results. */
  summary: text(limits.summary),
  topics: z.array(pageName(limits.topic)).max(limits.topics).default([]),
  /** Editorial corrections made while archiving, so readers can see what changed. */
  editorialNotes: z.array(text(limits.note)).max(limits.notes).default([]),
});
withFriendlyErrors(storyData);

/** A link on a person's page. */
export const linkSchema = z.strictObject({
  label: text(limits.name),
  url: httpUrl,
});

/** One person, stored as `people/<id>.yaml`. */
export const personData = z.strictObject({
  name: text(limits.name),
  /** Current role, when known. */
  role: text(limits.role).optional(),
  /** Current company, when known. */
  company: text(limits.company).optional(),
  links: z.array(linkSchema).max(limits.links).default([]),
});
withFriendlyErrors(personData);

export type StoryData = z.infer<typeof storyData>;
export type PersonData = z.infer<typeof personData>;
