import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from "yaml";
import type { ContentProblem } from "./problems.ts";

// Same fence rule as Astro's own frontmatter reader, so both agree on what is frontmatter.
const FRONTMATTER = /^(\uFEFF?(?:[ \t]*\r?\n)*)---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The YAML between the `---` fences at the top of a Markdown/MDX source (undefined without), and its first file line. */
export function splitFrontmatter(source: string): { yaml: string | undefined; yamlStartLine: number } {
  const match = FRONTMATTER.exec(source);
  if (!match) return { yaml: undefined, yamlStartLine: 1 };
  return { yaml: match[2] ?? "", yamlStartLine: (match[1] ?? "").split("\n").length + 1 };
}

/**
 * Parses YAML keeping positions so problems name a line (`firstLine` shifts them for frontmatter); an
 * error comes back as the problem. `lineOf` gives the 1-based file line of a field (or of its nearest
 * existing parent, or of the YAML's start). Dates stay text: Astro's reader turns 2021-02-30 into 2 March silently.
 */
export function parseYaml(
  text: string,
  file: string,
  firstLine = 1,
): ContentProblem | { data: unknown; lineOf: (path: readonly PropertyKey[]) => number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    // The library's own "at line N" counts from the YAML block, not the file; our position replaces it.
    const message = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    const hint = "Check indentation and quotes; text with a colon in it is safest in quotes.";
    return { file, line: pos.line + firstLine - 1, column: pos.col, message: `YAML syntax error: ${message}`, hint };
  }
  let data: unknown;
  try {
    // The library refuses aliases that expand past maxAliasCount (a "billion laughs" bomb).
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return {
      file,
      line: firstLine,
      column: 1,
      message: `YAML error: its aliases expand too far to read (${error instanceof Error ? error.message : String(error)})`,
      hint: "Anchors and aliases (&name, *name) are not needed here; write the values out.",
    };
  }
  return {
    data,
    lineOf: (path) => {
      const offset = offsetOf(doc, path);
      // A missing top-level field has no line of its own; the start of the block is where it goes.
      return offset === undefined ? firstLine : lines.linePos(offset).line + firstLine - 1;
    },
  };
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  // Walk down as far as the path exists, so a missing `source.url` points at `source:`.
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (!isNode(node) || !node.range) continue;
    // The key's line reads better than the value's when a value spans lines (a list, a map).
    const parent = doc.getIn(path.slice(0, depth - 1), true);
    const key = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path[depth - 1])?.key
      : undefined;
    return (isScalar(key) ? key.range?.[0] : undefined) ?? node.range[0];
  }
  return undefined;
}
