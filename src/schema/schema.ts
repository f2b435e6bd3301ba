import { z } from "astro/zod";
import { withFriendlyErrors } from "./errorMap.ts";
import { partialDateToDate } from "../lib/dates.ts";
import { slugify } from "../lib/slug.ts";

/** YAML hands over a Date for `2021-05-14`; the schema reads dates as the text they were written as. */
const asText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** 2021-02-30 passes the pattern but names no day; the calendar decides. */
function isCalendarDate(value: string): boolean {
  const [, , day] = value.split("-");
  return day === undefined || partialDateToDate(value).getUTCDate() === Number(day);
}
const REAL_DATE = { error: "is not a real date: that month has fewer days" };

/** A month or day, written `2021-05` or `2021-05-14`. */
export const partialDate = z.preprocess(
  asText,
  z
    .string({ error: "must be a date like 2021-05 or 2021-05-14 (in quotes is safest)" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
      error: "must be a date like 2021-05 or 2021-05-14",
    })
    .refine((value) => !/^\d{4}-/.test(value) || Number(value.slice(0, 4)) >= 1000, {
      error: "must be a year from 1000 on (years before that are almost surely a typo)",
    })
    .refine(isCalendarDate, REAL_DATE),
);

/** One calendar day, written `2026-11-25`. */
export const calendarDay = z.preprocess(
  asText,
  z
    .string({ error: "must be a day like 2026-11-25 (in quotes is safest)" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "must be a day like 2026-11-25" })
    .refine(isCalendarDate, REAL_DATE),
);

/** Upper bounds on what a field may hold (several times the longest real value), so a pasted transcript in a `role:` cannot make a 10,000-character heading. */
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

/** Where a story was first published: the publication's name, its page, the form the text came in, a mirror. */
export const sourceSchema = z.strictObject({
  name: text(limits.name),
  url: httpUrl,
  format: text(limits.name).optional(),
  alternateUrl: httpUrl.optional(),
});

export const storyKinds = ["interview", "discussion"] as const;

/** A story's frontmatter: `person` is an id in `people/`; `added` (the importer writes it) orders feeds and "latest". */
export const storyData = z.strictObject({
  person: text(limits.name),
  role: text(limits.role),
  company: pageName(limits.company),
  recorded: partialDate,
  published: partialDate.optional(),
  added: calendarDay.optional(),
  kind: z.enum(storyKinds).default("interview"),
  source: sourceSchema,
  interviewer: text(limits.name).optional(),
  /** One line for lists, feeds and search results. */
  summary: text(limits.summary),
  topics: z.array(pageName(limits.topic)).max(limits.topics).default([]),
  /** Editorial corrections made while archiving, so readers can see what changed. */
  editorialNotes: z.array(text(limits.note)).max(limits.notes).default([]),
});
withFriendlyErrors(storyData);

/** One person, stored as `people/<id>.yaml`, with their current role and company when known. */
export const personData = z.strictObject({
  name: text(limits.name),
  role: text(limits.role).optional(),
  company: text(limits.company).optional(),
  links: z
    .array(z.strictObject({ label: text(limits.name), url: httpUrl }))
    .max(limits.links)
    .default([]),
});
withFriendlyErrors(personData);

export type StoryData = z.infer<typeof storyData>;
export type PersonData = z.infer<typeof personData>;
