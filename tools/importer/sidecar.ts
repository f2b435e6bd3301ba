import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { z } from "astro/zod";
import { Document, parseDocument } from "yaml";
import { calendarDay, linkSchema, partialDate, storyKinds } from "../../src/schema/schema.ts";
import { ImportError } from "./errors.ts";
import { sourceShapes } from "./types.ts";

/** A URL slug or person id: lowercase words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, { error: "must be lowercase words joined by hyphens, like jane-doe" });
const text = z.string().trim().min(1, { error: "must not be empty" });
/** A source line, by number or by the words it starts with. */
const lineRef = z.union([z.number().int().positive(), text]);

/**
 * The editor's corrections for one source, kept next to it as `<name>.import.yaml` so a
 * re-import gives the same story. Every field is optional; flags of the same name win.
 */
export const sidecarSchema = z.strictObject({
  slug: slug.optional(),
  shape: z.enum(sourceShapes).optional(),
  person: z
    .strictObject({
      id: slug.optional(),
      name: text.optional(),
      role: text.optional(),
      company: text.optional(),
      links: z.array(linkSchema).optional(),
    })
    .optional(),
  role: text.optional(),
  company: text.optional(),
  recorded: partialDate.optional(),
  published: partialDate.optional(),
  added: calendarDay.optional(),
  kind: z.enum(storyKinds).optional(),
  source: z
    .strictObject({
      name: text.optional(),
      url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
      format: text.optional(),
      alternateUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    })
    .optional(),
  interviewer: text.optional(),
  summary: text.optional(),
  topics: z.array(text).optional(),
  editorialNotes: z.array(text).optional(),
  questions: z.array(lineRef).optional(),
  notQuestions: z.array(lineRef).optional(),
  subheadings: z.array(lineRef).optional(),
  notSubheadings: z.array(lineRef).optional(),
  clutter: z.array(lineRef).optional(),
  keep: z.array(lineRef).optional(),
  headings: z.strictObject({ question: text.optional(), reply: text.optional() }).optional(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

/** `interviews/jane.txt` -> `interviews/jane.import.yaml`. */
export function sidecarPathFor(sourcePath: string): string {
  return join(dirname(sourcePath), `${basename(sourcePath, extname(sourcePath))}.import.yaml`);
}

/** A sidecar as read from disk: its text (to keep comments on rewrite) and its checked fields. */
export interface LoadedSidecar {
  path: string;
  text: string | undefined;
  data: Sidecar;
}

/** Reads and checks the sidecar next to a source; an absent sidecar is an empty one. */
export function loadSidecar(sourcePath: string): LoadedSidecar {
  const path = sidecarPathFor(sourcePath);
  if (!existsSync(path)) return { path, text: undefined, data: {} };
  const text = readFileSync(path, "utf8");
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) throw new ImportError(path, `is not valid YAML: ${doc.errors[0]!.message}`);
  return { path, text, data: checkSidecar(doc.toJS() ?? {}, path) };
}

/** Validates sidecar-shaped data (from a file or from flags), naming each bad field. */
export function checkSidecar(data: unknown, where: string): Sidecar {
  const result = sidecarSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".");
    if (issue.code === "unrecognized_keys")
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}${field ? ` in "${field}"` : ""}`;
    return `"${field}" ${issue.message}`;
  });
  throw new ImportError(where, problems.join("; "));
}

/** Flags win over the sidecar, field by field; nested objects (person, source, headings) merge. */
export function mergeSidecars(base: Sidecar, flags: Sidecar): Sidecar {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    const current = merged[key];
    const nested =
      typeof value === "object" && !Array.isArray(value) && typeof current === "object" && current !== null;
    merged[key] = nested ? { ...current, ...value } : value;
  }
  return merged;
}

/**
 * The sidecar text to store next to the archived source: the editor's file with the flag
 * values written in (comments kept), or a new file when there was none.
 */
export function sidecarText(existing: string | undefined, flags: Sidecar): string {
  const doc = existing !== undefined ? parseDocument(existing) : new Document({});
  if (existing === undefined) {
    doc.commentBefore = " Editorial decisions for this source; `npm run import` reads them on every re-import.";
  }
  for (const [key, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        if (innerValue !== undefined) doc.setIn([key, inner], innerValue);
      }
    } else {
      doc.set(key, value);
    }
  }
  return doc.toString({ lineWidth: 0 });
}
