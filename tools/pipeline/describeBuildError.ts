import { formatProblem } from "../preflight/problems.ts";

/** The parts of an Astro/Vite build error worth showing; all optional because anything can be thrown. */
interface BuildErrorLike {
  name?: unknown;
  message?: unknown;
  hint?: unknown;
  loc?: { file?: unknown; line?: unknown; column?: unknown };
  id?: unknown;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Words for an error thrown by `astro build`: `file:line:column: message`, then the hint.
 * Astro's Markdown-style emphasis (`**stories → x**`) and a repeated "line:column:" prefix are
 * dropped; a location of 0:0 (Astro's "somewhere in the frontmatter") is left out.
 */
export function describeBuildError(error: unknown, cwd = process.cwd()): string {
  const err = (typeof error === "object" && error !== null ? error : { message: String(error) }) as BuildErrorLike;
  const message = (text(err.message) ?? String(error))
    .replace(/\*\*/g, "")
    .replace(/^\d+:\d+:\s*/, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .join("\n    ")
    .trim();
  const hint = text(err.hint);
  const file = text(err.loc?.file) ?? text(err.id);
  if (file === undefined) {
    const name = text(err.name) && err.name !== "Error" ? `${text(err.name)}: ` : "";
    return [`${name}${message}`, ...(hint ? [`    ${hint}`] : [])].join("\n");
  }
  const line = Number(err.loc?.line) || undefined;
  const column = line ? Number(err.loc?.column) || undefined : undefined;
  return formatProblem({ file: file.replace(/\?.*$/, ""), message, line, column, hint }, cwd);
}
