// `astro build` in a child process, so its 1 to 2 GB are returned before the index is built
// (docs/performance.md). Run directly (the child), this module builds and reports over IPC.
import { fork } from "node:child_process";
import { once } from "node:events";
import type { AstroConfig } from "astro";
import { INDEX_AFTER_ASTRO_ENV } from "../../src/integrations/pagefind.ts";
import { formatProblem } from "../preflight/problems.ts";

/** What the Astro child process tells `npm run build`. */
type AstroChildMessage = { ok: true; base: string; site: string | undefined } | { ok: false; report: string };

/** Runs `astro build` into `outDir` in a child process; resolves with the base and site it used, or rejects with a described error. */
export async function runAstroBuild(outDir: string, signal: AbortSignal) {
  let message = undefined as AstroChildMessage | undefined;
  // An interrupted build (Ctrl-C, SIGTERM) takes its Astro process with it (the signal).
  const child = fork(import.meta.filename, [outDir], {
    env: { ...process.env, [INDEX_AFTER_ASTRO_ENV]: "1" },
    stdio: "inherit",
    signal,
  });
  child.on("message", (received: AstroChildMessage) => (message = received));
  const [code, exitSignal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (message?.ok) return { base: message.base, site: message.site };
  throw new Error(
    message?.report ?? `Astro's build process ended (${exitSignal ?? `exit code ${code}`}) without a result.`,
  );
}

/** `file:line:column: message` and the hint for an error thrown by `astro build`, without Astro's ** emphasis or a 0:0 location. */
export function describeBuildError(error: unknown, cwd = process.cwd()): string {
  // Anything can be thrown: every part is read as unknown.
  const err = (typeof error === "object" && error !== null ? error : { message: String(error) }) as Partial<
    Record<"name" | "message" | "hint" | "id", unknown> & { loc: Partial<Record<"file" | "line" | "column", unknown>> }
  >;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
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
  const column = Number(err.loc?.column) || undefined;
  return formatProblem({ file: file.replace(/\?.*$/, ""), message, line, column, hint }, cwd);
}

/** The child's work: Astro's build into `outDir`, and the resolved base and site (what the check must use) or the error. */
async function buildHere(outDir: string): Promise<AstroChildMessage> {
  const { build } = await import("astro");
  let resolved = undefined as AstroConfig | undefined;
  const capture = ({ config }: { config: AstroConfig }) => {
    resolved = config;
  };
  try {
    // astro.config.mjs picks the cache folder (ARCHIVE_CACHE_DIR, or one per content root).
    await build({
      outDir,
      integrations: [{ name: "archive-capture-config", hooks: { "astro:config:done": capture } }],
    });
  } catch (error) {
    return { ok: false, report: describeBuildError(error) };
  }
  // Astro runs every astro:config:done hook before it builds, so a finished build has set it.
  return { ok: true, base: resolved!.base, site: resolved!.site };
}

if (import.meta.main && process.send && process.argv[2]) {
  const message = await buildHere(process.argv[2]);
  await new Promise((resolve) => process.send?.(message, resolve));
  // Vite can leave handles open after a programmatic build; the work is done.
  process.exit(0);
}
