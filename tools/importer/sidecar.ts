/** The editor's corrections kept beside a source as `<name>.import.yaml`; schema and flags derive from the story schema. */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { z } from "astro/zod";
import { Document, parseDocument } from "yaml";
import { withFriendlyErrors } from "../../src/schema/errorMap.ts";
import { calendarDay, partialDate, personData, sourceSchema, storyData } from "../../src/schema/schema.ts";
import { ImportError, sourceShapes, type SourceLine } from "./types.ts";

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
  const optional = (field: z.ZodType) => (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field);
  return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, optional(field).optional()])) as Loose<S>;
}

function unwrap(field: z.ZodType): z.ZodType {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
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

/** The sidecar schema for a story schema: every story field, all optional, between the importer's own fields. */
export function sidecarSchemaFor<S extends typeof storyData.shape>(story: z.ZodObject<S>) {
  // The story's person and source fields, in their places, become the importer's groups.
  const groups = { person: personGroup, source: sourceGroup };
  const fields = { ...loose(story.shape), ...groups } as Omit<Loose<S>, keyof typeof groups> & typeof groups;
  return withFriendlyErrors(
    z.strictObject({ slug: slug.optional(), shape: z.enum(sourceShapes).optional(), ...fields, ...cutting }),
  );
}

const sidecarSchema = sidecarSchemaFor(storyData);
export type Sidecar = z.infer<typeof sidecarSchema>;

type FlagSpec = NonNullable<ReturnType<typeof spec>>;

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

// What a flag's value looks like in --help.
const VALUE_NAMES = new Map<z.ZodType, string>([
  [lineRef, "LINE"],
  [partialDate, "YYYY-MM"],
  [calendarDay, "YYYY-MM-DD"],
]);
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function spec(path: [string] | [string, string], field: z.ZodType) {
  const key = path.join(".");
  if (NO_FLAG.has(key)) return undefined;
  const inner = unwrap(field);
  const multiple = inner instanceof z.ZodArray;
  const item = multiple ? unwrap(inner.element as z.ZodType) : inner;
  const lines = item === lineRef; // digits become line numbers
  const named = FLAG_NAMES[key] ?? kebab((path[0] === "person" ? path.slice(1) : path).join("-"));
  const flag = multiple && !FLAG_NAMES[key] ? named.replace(/s$/, "") : named;
  const value =
    VALUE_NAMES.get(item) ??
    (item instanceof z.ZodEnum ? item.options.join("|") : item instanceof z.ZodURL ? "URL" : "TEXT");
  return { flag, path, multiple, lines, value };
}

/** The flags for a story schema: one per sidecar field (groups flattened to `--source-url`). */
export function flagSpecs<S extends typeof storyData.shape>(story: z.ZodObject<S>): FlagSpec[] {
  return (Object.entries(sidecarSchemaFor(story).shape) as [string, z.ZodType][]).flatMap(([key, field]) => {
    const inner = unwrap(field);
    const parts = inner instanceof z.ZodObject ? Object.entries<z.ZodType>(inner.shape) : undefined;
    const made = parts ? parts.map(([sub, subField]) => spec([key, sub], subField)) : [spec([key], field)];
    return made.filter((s) => s !== undefined);
  });
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

/** The story fields a sidecar sets beyond `handled`: a field added to the schema reaches the frontmatter through here. */
export function otherStoryFields(settings: object, handled: readonly string[]): Record<string, unknown> {
  const other = ([key, value]: [string, unknown]) =>
    value !== undefined && !IMPORTER_ONLY.has(key) && !handled.includes(key);
  return Object.fromEntries(Object.entries(settings).filter(other));
}

/** Reads and checks the sidecar next to a source (`jane.txt` -> `jane.import.yaml`); its text keeps comments on rewrite. */
export function loadSidecar(sourcePath: string) {
  const path = join(dirname(sourcePath), `${basename(sourcePath, extname(sourcePath))}.import.yaml`);
  if (!existsSync(path)) return { path, text: undefined, data: {} as Sidecar };
  const text = readFileSync(path, "utf8");
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) throw new ImportError(path, `is not valid YAML: ${doc.errors[0]!.message}`);
  return { path, text, data: checkSidecar(doc.toJS() ?? {}, path) };
}

/** Validates sidecar-shaped data (from a file or from flags), naming each bad field. */
export function checkSidecar(data: unknown, where: string, schema: z.ZodType = sidecarSchema): Sidecar {
  const result = schema.safeParse(data) as z.ZodSafeParseResult<Sidecar>;
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".");
    if (issue.code === "unrecognized_keys")
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}${field ? ` in "${field}"` : ""}`;
    return `"${field}" ${issue.message}`;
  });
  throw new ImportError(where, problems.join("; "));
}

const isGroup = (value: unknown): value is object => typeof value === "object" && !Array.isArray(value);

/** Flags win over the sidecar, field by field; nested objects (person, source, headings) merge. */
export function mergeSidecars(base: Sidecar, flags: Sidecar): Sidecar {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isGroup(value) && isGroup(current) ? { ...current, ...value } : value;
  }
  return merged;
}

/** The sidecar to archive: the editor's file with the flag values written in (comments kept), or a new file. */
export function sidecarText(existing: string | undefined, flags: Sidecar): string {
  const doc = existing !== undefined ? parseDocument(existing) : new Document({});
  if (existing === undefined)
    doc.commentBefore = " Editorial decisions for this source; `npm run import` reads them on every re-import.";
  for (const [key, value] of Object.entries(flags)) {
    if (isGroup(value)) {
      for (const [inner, innerValue] of Object.entries(value))
        if (innerValue !== undefined) doc.setIn([key, inner], innerValue);
    } else if (value !== undefined) doc.set(key, value);
  }
  return doc.toString({ lineWidth: 0 });
}

/** The lines a sidecar field names: by number, or by the first words of exactly one line, so none drifts. */
export function resolveLineRefs(settings: Sidecar, field: keyof Sidecar, lines: readonly SourceLine[], where: string) {
  return new Set(
    ((settings[field] ?? []) as (number | string)[]).map((ref) => {
      if (typeof ref === "number") {
        if (lines[ref - 1]?.text.trim()) return ref;
        throw new ImportError(where, `"${field}" names line ${ref}, which is not a non-blank line of the source`);
      }
      const start = ref.trim();
      const matches = lines.filter((line) => start !== "" && line.text.trim().startsWith(start));
      if (matches.length === 1) return matches[0]!.number;
      const found =
        matches.length === 0 ? "matches no line" : `matches lines ${matches.map((m) => m.number).join(", ")}`;
      const fix = "quote the first words of exactly one line, or give its number";
      throw new ImportError(where, `"${field}" entry "${start}" ${found}; ${fix}`);
    }),
  );
}
