import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";
import { checkPullQuotes } from "./pullQuotes.ts";
import { checkVocabularyElement, isVocabularyName } from "./vocabulary.ts";

/** Something in a story that would run as code, or could not be read at all. */
export interface LiveContentFinding {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export type StoryFormat = "mdx" | "md";

/** Link schemes a story may use; everything else (javascript:, data:, vbscript:, relative paths) is refused. */
const SAFE_URL = /^(https?:\/\/|mailto:|#)/i;

const HINTS = {
  esm: "If these words belong to the transcript, write the first letter as a character reference (&#105;mport, &#101;xport) so MDX reads the line as text.",
  expression: "To show braces as text, write \\{ and \\} (the importer does this for you).",
  element:
    "To show the tag as text, write \\< instead of < (the importer does this for you). Use Markdown for formatting: **bold**, _italic_, [text](https://…); the only elements a .mdx story may use are <Aside>, <PullQuote>, <Figure>, <Turn> and <Break> (docs/stories.md).",
  url: "Write a full https:// address; a link to another part of the archive also needs its full address.",
  syntax: "MDX reads { and < as the start of code. Write \\{ or \\< to show them as text.",
} as const;

/**
 * Finds everything in a story's source that Markdown or MDX would turn into code or live HTML:
 * raw HTML (a <script>, an onclick, a comment), and in `.mdx` import/export lines, {expressions}
 * and any JSX element outside the editorial vocabulary (vocabulary.ts), or a vocabulary element
 * with anything but its own plain-string attributes; plus links whose URL is not http(s), mailto
 * or #anchor, and pull quotes whose words the story does not say. Lines are file lines.
 * A source MDX cannot parse yields one finding with the parser's position. Stories are data;
 * none of this may reach a reader.
 */
export function findLiveContent(source: string, format: StoryFormat): LiveContentFinding[] {
  let tree: MdastNode;
  try {
    tree = format === "mdx" ? mdxToMdast(source) : markdownToMdast(source);
  } catch (error) {
    return [syntaxFinding(error)];
  }
  const findings: LiveContentFinding[] = [];
  walk(tree as unknown as TreeNode, findings);
  // Reading the whole story's text costs time; only a story with a pull quote needs it.
  if (format === "mdx" && findings.length === 0 && source.includes("<PullQuote")) {
    findings.push(...checkPullQuotes(tree as unknown as TreeNode));
  }
  return findings;
}

/** The parts of an mdast node this check reads; satteri's union is wider than we need. */
export interface TreeNode {
  type: string;
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
  value?: unknown;
  url?: unknown;
  name?: unknown;
  attributes?: { type: string; name?: unknown; value?: unknown }[];
}

function walk(node: TreeNode, findings: LiveContentFinding[]): void {
  const finding = check(node);
  if (finding) {
    const start = node.position?.start ?? { line: 1, column: 1 };
    findings.push({ line: start.line, column: start.column, ...finding });
  }
  // An element or expression is reported once; its insides are part of the same finding.
  if (finding && node.type !== "link") return;
  for (const child of node.children ?? []) walk(child, findings);
}

function check(node: TreeNode): Omit<LiveContentFinding, "line" | "column"> | undefined {
  switch (node.type) {
    case "mdxjsEsm":
      return { message: "an import/export line is JavaScript, and stories must be plain text", hint: HINTS.esm };
    case "mdxFlowExpression":
    case "mdxTextExpression":
      return {
        message: `{${preview(node.value)}} is an MDX expression (JavaScript), and stories must be plain text`,
        hint: HINTS.expression,
      };
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement": {
      const name = typeof node.name === "string" ? node.name : "";
      if (!isVocabularyName(name)) {
        return { message: `${describeElement(node)}, and stories must be plain text`, hint: HINTS.element };
      }
      return checkVocabularyElement(node, name);
    }
    case "html":
      return { message: `raw HTML ${preview(node.value)} is not allowed in stories`, hint: HINTS.element };
    case "link":
    case "image":
    case "definition":
      return checkUrl(node);
    default:
      return undefined;
  }
}

function checkUrl(node: TreeNode): Omit<LiveContentFinding, "line" | "column"> | undefined {
  const url = typeof node.url === "string" ? node.url.trim() : "";
  if (SAFE_URL.test(url)) return undefined;
  const what = node.type === "image" ? "an image" : "a link";
  return {
    message: `${what} to "${preview(url)}" is not allowed: story links must be http(s) or mailto addresses, or #anchors`,
    hint: HINTS.url,
  };
}

function describeElement(node: TreeNode): string {
  const name = typeof node.name === "string" ? node.name : "";
  const tag = name ? `<${name}>` : "<>";
  const handlers = (node.attributes ?? [])
    .map((attribute) => (typeof attribute.name === "string" ? attribute.name : ""))
    .filter((attribute) => /^on/i.test(attribute));
  const kind = name.toLowerCase() === "script" ? "a script element" : "an HTML/JSX element";
  const withHandlers = handlers.length > 0 ? ` with an event handler (${handlers.join(", ")})` : "";
  return `${tag} is ${kind}${withHandlers}`;
}

function syntaxFinding(error: unknown): LiveContentFinding {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([\w:-]+\))?$/.exec(text.trim());
  if (!match) return { line: 1, column: 1, message: `MDX cannot read this file: ${text}`, hint: HINTS.syntax };
  return {
    line: Number(match[1]),
    column: Number(match[2]),
    message: `MDX syntax error: ${match[3]}`,
    hint: HINTS.syntax,
  };
}

function preview(value: unknown): string {
  const text = typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
