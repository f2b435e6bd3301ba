/**
 * The importer's view of the story schema (src/schema/schema.ts): the fields an editor sets in a
 * sidecar, their command-line flags and the sidecar schema are derived from it, so a field declared
 * once there reaches `npm run import` (flags, sidecar, frontmatter) with no edit here.
 */
import { z } from "astro/zod";
import { withFriendlyErrors } from "../../src/schema/errorMap.ts";
import { partialDate, personData, sourceSchema, storyData } from "../../src/schema/schema.ts";
import { sourceShapes } from "./types.ts";

/** A URL slug or person id: lowercase words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, { error: "must be lowercase words joined by hyphens, like jane-doe" });
const text = z.string().trim().min(1);
/** A source line, by number or by the words it starts with. */
const lineRef = z.union([z.number().int().positive(), text]);

type AnyShape = Record<string, z.ZodType>;
/** Every field optional and without its default, so a field left out never overrides another source. */
type Loose<S extends AnyShape> = { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer I> ? I : S[K]> };

function loose<S extends AnyShape>(shape: S): Loose<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional(),
    ]),
  ) as Loose<S>;
}

/** Line references and headings: how to cut the transcript, never written into the story. */
const cutting = {
  questions: z.array(lineRef).optional(),
  notQuestions: z.array(lineRef).optional(),
  subheadings: z.array(lineRef).optional(),
  notSubheadings: z.array(lineRef).optional(),
  clutter: z.array(lineRef).optional(),
  keep: z.array(lineRef).optional(),
  headings: z.strictObject({ question: text.optional(), reply: text.optional() }).optional(),
};
const personGroup = z.strictObject({ id: slug.optional(), ...loose(personData.shape) }).optional();
const sourceGroup = z.strictObject(loose(sourceSchema.shape)).optional();

/**
 * The sidecar schema for a story schema: every story field in the schema's order, all optional
 * (person and source as groups of their own fields), between the importer's own fields.
 */
export function sidecarSchemaFor<S extends typeof storyData.shape>(story: z.ZodObject<S>) {
  const fields = Object.fromEntries(
    Object.entries(loose(story.shape)).map(([key, field]) => [
      key,
      key === "person" ? personGroup : key === "source" ? sourceGroup : field,
    ]),
  ) as Omit<Loose<S>, "person" | "source"> & { person: typeof personGroup; source: typeof sourceGroup };
  return withFriendlyErrors(
    z.strictObject({ slug: slug.optional(), shape: z.enum(sourceShapes).optional(), ...fields, ...cutting }),
  );
}

/** One command-line flag and where its value goes in the sidecar. */
export interface FlagSpec {
  flag: string;
  /** Sidecar path, e.g. ["source", "url"]. */
  path: [string] | [string, string];
  multiple: boolean;
  /** Line references: digits become line numbers. */
  lines: boolean;
  /** What to write after the flag in the usage text. */
  value: string;
}

// Flags whose names predate the derivation and stay for editors' muscle memory.
const FLAG_NAMES: Record<string, string> = {
  editorialNotes: "note",
  "person.name": "name",
  "person.id": "person-id",
  "headings.question": "question-heading",
  "headings.reply": "reply-heading",
};
// Person fields other than name and id come from the story's role and company, not from flags.
const NO_FLAG = new Set(["person.role", "person.company", "person.links"]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function unwrap(field: z.ZodType): z.ZodType {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

function spec(path: FlagSpec["path"], field: z.ZodType): FlagSpec | undefined {
  const key = path.join(".");
  if (NO_FLAG.has(key)) return undefined;
  const inner = unwrap(field);
  const multiple = inner instanceof z.ZodArray;
  const item = multiple ? unwrap(inner.element as z.ZodType) : inner;
  const lines = item === lineRef;
  const named =
    FLAG_NAMES[key] ??
    (path.length === 2 && path[0] !== "person" ? `${path[0]}-${kebab(path[1])}` : kebab(path.at(-1) ?? ""));
  const flag = multiple && !FLAG_NAMES[key] ? named.replace(/s$/, "") : named;
  const value = lines
    ? "LINE"
    : item instanceof z.ZodEnum
      ? item.options.join("|")
      : item === partialDate || unwrap(field) === partialDate
        ? "YYYY-MM"
        : item instanceof z.ZodURL
          ? "URL"
          : "TEXT";
  return { flag, path, multiple, lines, value };
}

/** The flags for a story schema: one per sidecar field (groups flattened to `--source-url`). */
export function flagSpecs<S extends typeof storyData.shape>(story: z.ZodObject<S>): FlagSpec[] {
  const specs: FlagSpec[] = [];
  for (const [key, field] of Object.entries(sidecarSchemaFor(story).shape) as [string, z.ZodType][]) {
    const inner = unwrap(field);
    if (inner instanceof z.ZodObject) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- shape is any on a bare ZodObject
      for (const [sub, subField] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
        const made = spec([key, sub], subField);
        if (made) specs.push(made);
      }
    } else {
      const made = spec([key], field);
      if (made) specs.push(made);
    }
  }
  return specs;
}

/** Flag values (as node:util parseArgs returns them) arranged as sidecar-shaped data. */
export function flagsToSidecar(specs: readonly FlagSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const { flag, path, lines } of specs) {
    let value = values[flag];
    if (value === undefined) continue;
    if (lines && Array.isArray(value)) value = value.map((ref: string) => (/^\d+$/.test(ref) ? Number(ref) : ref));
    const [top, sub] = path;
    if (sub === undefined) data[top] = value;
    else data[top] = { ...(data[top] as Record<string, unknown> | undefined), [sub]: value };
  }
  return data;
}

const IMPORTER_ONLY = new Set(["slug", "shape", "person", "source", ...Object.keys(cutting)]);

/**
 * The story fields a sidecar sets that `handled` leaves out: a field added to the schema reaches
 * the story's frontmatter through here without the importer naming it.
 */
export function otherStoryFields(settings: object, handled: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).filter(
      ([key, value]) => value !== undefined && !IMPORTER_ONLY.has(key) && !handled.includes(key),
    ),
  );
}
