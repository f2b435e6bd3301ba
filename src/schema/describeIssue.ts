import type { z } from "astro/zod";

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list, like [First, Second]",
  object: "a group of indented fields",
  date: "a date",
};

/**
 * Turns one schema issue into words an editor can act on. `value` is what the file holds at the
 * issue's path (undefined when the field is missing). Our own schema messages pass through as written.
 */
export function describeIssue(issue: Issue, value: unknown): string {
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
      return issue.message;
  }
}

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
  if (typeof value === "string") return `${value.length}`;
  if (Array.isArray(value)) return `${value.length}`;
  return "more";
}
