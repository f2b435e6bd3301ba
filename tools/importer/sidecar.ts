import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { z } from "astro/zod";
import { Document, parseDocument } from "yaml";
import { storyData } from "../../src/schema/schema.ts";
import { ImportError } from "./types.ts";
import { sidecarSchemaFor } from "./storyFields.ts";

/**
 * The editor's corrections for one source, kept next to it as `<name>.import.yaml` so a
 * re-import gives the same story. Every field is optional; flags of the same name win.
 * Derived from the story schema (tools/importer/storyFields.ts).
 */
const sidecarSchema = sidecarSchemaFor(storyData);

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
