import { z } from "astro/zod";
import { withFriendlyErrors } from "./errorMap.ts";

/** Text that must say something; surrounding spaces are dropped. */
const text = z.string().trim().min(1);
/** An http(s) address: story and person links never run code. */
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** A month or day, written `2021-05` or `2021-05-14`; YAML may hand us a Date for the long form. */
export const partialDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: "must be a date like 2021-05 or 2021-05-14 (in quotes is safest)" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
      error: "must be a date like 2021-05 or 2021-05-14",
    })
    .refine(isCalendarDate, { error: "is not a real date: that month has fewer days" }),
);

/** 2021-02-30 passes the pattern but names no day; the calendar decides. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  if (day === undefined || year === undefined || month === undefined) return true;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Where a story was first published, for attribution. */
export const sourceSchema = z.strictObject({
  /** Publication name as readers know it, e.g. "StaffEng". */
  name: text,
  /** The page the story was published on. */
  url: httpUrl,
  /** The form the raw text came in, e.g. "newsletter email", "forum thread". */
  format: text.optional(),
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
  person: text,
  /** Their role when the story was recorded. */
  role: text,
  /** Their company when the story was recorded. */
  company: text,
  /** When the interview was recorded or the thread written. */
  recorded: partialDate,
  /** When it was first published, when known; ordering falls back to `recorded`. */
  published: partialDate.optional(),
  kind: z.enum(storyKinds).default("interview"),
  source: sourceSchema,
  /** Who asked the questions, when known. */
  interviewer: text.optional(),
  /** One line for lists, feeds and search results. */
  summary: text.max(300),
  topics: z.array(text).default([]),
  /** Editorial corrections made while archiving, so readers can see what changed. */
  editorialNotes: z.array(text).default([]),
});
withFriendlyErrors(storyData);

/** A link on a person's page. */
export const linkSchema = z.strictObject({
  label: text,
  url: httpUrl,
});

/** One person, stored as `people/<id>.yaml`. */
export const personData = z.strictObject({
  name: text,
  /** Current role, when known. */
  role: text.optional(),
  /** Current company, when known. */
  company: text.optional(),
  links: z.array(linkSchema).default([]),
});
withFriendlyErrors(personData);

export type StoryData = z.infer<typeof storyData>;
export type PersonData = z.infer<typeof personData>;
