import { formatProblem } from "../preflight/problems.ts";

/** The parts of an Astro/Vite build error worth showing; all optional because anything can be thrown. */
interface BuildErrorLike {
  name?: unknown;
  message?: unknown;
  hint?: unknown;
  loc?: { file?: unknown; line?: unknown; column?: unknown };
  id?: unknown;
}

/**
 * Words for an error thrown by `astro build`: `file:line:column: message`, then the hint.
 * Astro's Markdown-style emphasis (`**stories → x**`) and a repeated "line:column:" prefix are
 * dropped; a location of 0:0 (Astro's "somewhere in the frontmatter") is left out.
 */
export function describeBuildError(error: unknown, cwd = process.cwd()): string {
  const err = (typeof error === "object" && error !== null ? error : { message: String(error) }) as BuildErrorLike;
  const rawMessage = typeof err.message === "string" ? err.message : String(error);
  const message = rawMessage
    .replace(/\*\*/g, "")
    .replace(/^\d+:\d+:\s*/, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .join("\n    ")
    .trim();
  const hint = typeof err.hint === "string" ? err.hint : undefined;
  const file = typeof err.loc?.file === "string" ? err.loc.file : typeof err.id === "string" ? err.id : undefined;
  if (file === undefined) {
    const name = typeof err.name === "string" && err.name !== "Error" ? `${err.name}: ` : "";
    return [`${name}${message}`, ...(hint ? [`    ${hint}`] : [])].join("\n");
  }
  const line = Number(err.loc?.line) || undefined;
  const column = line ? Number(err.loc?.column) || undefined : undefined;
  return formatProblem(
    {
      file: file.replace(/\?.*$/, ""),
      message,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
      ...(hint ? { hint } : {}),
    },
    cwd,
  );
}
