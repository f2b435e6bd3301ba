import { relative } from "node:path";

/**
 * One thing wrong with a content file, said so an editor can fix it without reading code: the file's
 * absolute path, its 1-based line and column when known, the dotted field ("source.url"), what is wrong
 * and what is expected, and how to fix it when the message alone does not say.
 */
export interface ContentProblem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
  message: string;
  hint?: string | undefined;
}

/** `content/stories/jane-doe.mdx:5: "recorded" must be a date like 2021-05` (paths relative to cwd). */
export function formatProblem(problem: ContentProblem, cwd = process.cwd()): string {
  const { file, line, column, field, message, hint } = problem;
  const where = [displayPath(file, cwd), line, line ? column : undefined].filter((part) => part !== undefined);
  return `${where.join(":")}: ${field ? `"${field}" ` : ""}${message}${hint ? `\n    ${hint}` : ""}`;
}

/** Every problem, sorted by file then line, under a heading that says nothing was published. */
export function formatProblems(problems: readonly ContentProblem[], cwd = process.cwd()): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [`Content has ${count}:`, "", ...sorted.map((p) => formatProblem(p, cwd)), ""].join("\n");
}

/** Paths inside the project read best relative (content/stories/x.mdx); others stay absolute. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") || rel === "" ? file : rel;
}
