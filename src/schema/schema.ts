import { z } from "astro/zod";

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
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Where a story was first published, for attribution. */
export const sourceSchema = z.object({
  /** Publication name as readers know it, e.g. "StaffEng". */
  name: z.string().min(1),
  /** The page the story was published on. */
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  /** The form the raw text came in, e.g. "newsletter email", "forum thread". */
  format: z.string().optional(),
  /** Another place the same text can be read (an email archive, a mirror). */
  alternateUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const storyKinds = ["interview", "discussion"] as const;

/**
 * Frontmatter of one story. `person` is a plain id here; the collection swaps in
 * `reference("people")` so unknown people fail the build.
 */
export const storyData = z.object({
  /** Id of the person in `people/`. */
  person: z.string().min(1),
  /** Their role when the story was recorded. */
  role: z.string().min(1),
  /** Their company when the story was recorded. */
  company: z.string().min(1),
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
  interviewer: z.string().optional(),
  /** One line for lists, feeds and search results. */
  summary: z.string().min(1).max(300),
  topics: z.array(z.string().min(1)).default([]),
  /** Editorial corrections made while archiving, so readers can see what changed. */
  editorialNotes: z.array(z.string()).default([]),
});

export const linkSchema = z.object({
  label: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
});

/** One person, stored as `people/<id>.yaml`. */
export const personData = z.object({
  name: z.string().min(1),
  /** Current role, when known. */
  role: z.string().optional(),
  /** Current company, when known. */
  company: z.string().optional(),
  links: z.array(linkSchema).default([]),
});

export type StoryData = z.infer<typeof storyData>;
export type PersonData = z.infer<typeof personData>;
