import { relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { defineMdastPlugin, type MdastPluginEntry, type PluginFactoryContext } from "satteri";
import { findLiveContent } from "./liveContent.ts";

/** Stops the compile of a story under `storiesDir` holding live content (`line:column: what and how to fix`); else storyLinksPlugin. */
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
    return storyLinksPlugin();
  };
}

/** GFM autolinks of bare addresses become text again: a link is one only as `[text](url)` or `<url>` (docs/importer.md). */
// The return type is inferred on purpose: it keeps the visitor synchronous, so markdownToHtml stays sync.
export function storyLinksPlugin() {
  return defineMdastPlugin({
    name: "archive-story-links",
    // Positions tell a written link from an autolinked one; tracking them costs ~10% of parse time, stories only.
    options: { position: true },
    link(node, ctx) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const opener = start === undefined ? undefined : ctx.source[start];
      if (opener === "[" || opener === "<") return undefined;
      const text = ctx.textContent(node);
      // Sätteri sometimes keeps an autolink's source bytes, escapes and references and all, as
      // its text; a backslash it took last escapes the character after the link, which is text already.
      const raw = start !== undefined && ctx.source.slice(start, end) === text;
      if (!raw) return { type: "text", value: text };
      return {
        type: "text",
        value: unescapeMarkdown(decodeImporterReferences(text.replace(/(?<!\\)((?:\\\\)*)\\$/, "$1"))),
      };
    },
  });
}

const REFERENCES: Readonly<Record<string, string>> = { lt: "<", lbrace: "{", rbrace: "}" };

/** The references the importer writes for `<`, `{`, `}` inside text GFM autolinks, decoded; `\&lt;` stays text. */
export function decodeImporterReferences(text: string): string {
  return text.replace(/(?<!\\)((?:\\\\)*)&(lt|lbrace|rbrace);/g, (_, slashes: string, name: string) => {
    return `${slashes}${REFERENCES[name] ?? ""}`;
  });
}

/** What CommonMark shows for backslash-escaped text: `\*` reads `*`, `\\` reads `\`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== "" && !path.startsWith("..") && !isAbsolute(path);
}
