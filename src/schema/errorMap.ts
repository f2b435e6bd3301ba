/** The one error map for content: Astro, the build's preflight and the importer all say the same sentence. */
import type { z } from "astro/zod";

/** Gives every part of a schema the friendly error map, keeping its own messages (schema-level maps win over Astro's). */
export function withFriendlyErrors<T extends z.core.$ZodType>(schema: T): T {
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!isSchema(node) || seen.has(node)) return;
    seen.add(node);
    const def = node._zod.def as unknown as Record<string, unknown> & { error?: unknown; checks?: unknown[] };
    def.error ??= friendlyErrors;
    for (const check of def.checks ?? []) {
      if (isSchema(check)) (check._zod.def as { error?: unknown }).error ??= friendlyErrors;
    }
    for (const key of ["innerType", "element", "in", "out", "valueType"]) visit(def[key]);
    for (const child of Object.values((def["shape"] as Record<string, unknown> | undefined) ?? {})) visit(child);
    for (const option of (def["options"] as unknown[] | undefined) ?? []) visit(option);
  };
  visit(schema);
  return schema;
}

function isSchema(value: unknown): value is z.core.$ZodType {
  return typeof value === "object" && value !== null && "_zod" in value;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list, like [First, Second]",
  object: "a group of indented fields",
  date: "a date",
};

/** Zod's error map in words an editor can act on; undefined leaves an issue to Zod's own words. */
const friendlyErrors: z.core.$ZodErrorMap = (issue) => {
  // What the file holds at the issue's path (undefined when missing).
  const value = issue.input;
  if (value === undefined && issue.code === "invalid_type") {
    return `is missing; it is required (${TYPE_WORDS[issue.expected] ?? issue.expected})`;
  }
  switch (issue.code) {
    case "invalid_type":
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}, but is ${describeValue(value)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, but is ${describeValue(value)}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return "must not be empty";
      return `is too short: at least ${String(issue.minimum)} ${unit(issue.origin)}`;
    case "too_big":
      return `is too long: at most ${String(issue.maximum)} ${unit(issue.origin)} (it has ${sizeOf(value)})`;
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    default:
      return issue.message || undefined;
  }
};

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  // Objects were described above; what is left is a number, boolean, null or undefined.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- no object reaches here
  return String(value);
}

function unit(origin: string): string {
  return origin === "string" ? "characters" : origin === "array" ? "items" : "";
}

function sizeOf(value: unknown): string {
  return typeof value === "string" || Array.isArray(value) ? `${value.length}` : "more";
}
