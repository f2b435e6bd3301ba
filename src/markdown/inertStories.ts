import { relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdastPluginEntry, PluginFactoryContext } from "satteri";
import { findLiveContent } from "../content/liveContent.ts";

/**
 * The compiler's own guard that stories stay data: before Sätteri compiles a file under
 * `storiesDir`, any import/export, {expression}, JSX/HTML element or unsafe link in it stops
 * the compile with `line:column: what and how to fix`. It holds for `astro dev` and a bare
 * `astro build` too; `npm run build` reports the same findings for every file before Astro runs.
 * Other Markdown/MDX (pages the team writes) is left alone.
 */
export function inertStoriesPlugin(storiesDir: string): MdastPluginEntry {
  return (ctx: PluginFactoryContext) => {
    const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined;
    if (file === undefined || !isInside(file, storiesDir)) return null;
    const findings = findLiveContent(ctx.source, ctx.sourceFormat === "mdx" ? "mdx" : "md");
    const first = findings[0];
    if (first) {
      const rest = findings.length > 1 ? ` (and ${findings.length - 1} more; run npm run build to list them all)` : "";
      // Astro's MDX plugin reads a leading "line:column:" as the error's location.
      throw new Error(`${first.line}:${first.column}: ${first.message}${rest}. ${first.hint ?? ""}`.trim());
    }
    // Nothing to add to the pipeline: the check is the whole job.
    return null;
  };
}

function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== "" && !path.startsWith("..") && !isAbsolute(path);
}
