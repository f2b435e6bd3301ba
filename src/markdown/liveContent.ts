import { markdownToMdast, mdxToMdast } from "satteri";
import { foldCase } from "../lib/slug.ts";
import { isVocabularyName, VOCABULARY, vocabularyMistake } from "./vocabulary.ts";

/** Something in a story that would run as code, or could not be read at all. */
export interface LiveContentFinding {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

type Problem = Omit<LiveContentFinding, "line" | "column">;

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

/** What in a story would be code or live HTML (raw HTML, ESM, {…}, JSX beyond vocabulary.ts, unsafe links, invented quotes). */
export function findLiveContent(source: string, format: StoryFormat): LiveContentFinding[] {
  let tree: TreeNode;
  try {
    tree = (format === "mdx" ? mdxToMdast(source) : markdownToMdast(source)) as unknown as TreeNode;
  } catch (error) {
    return [syntaxFinding(error)];
  }
  const findings: LiveContentFinding[] = [];
  walk(tree, findings);
  // Reading the whole story's text costs time; only a story with a pull quote needs it.
  if (format === "mdx" && findings.length === 0 && source.includes("<PullQuote")) {
    findings.push(...checkPullQuotes(tree));
  }
  return findings;
}

/** The parts of an mdast node the checks read; satteri's union is wider than we need. */
export interface TreeNode {
  type: string;
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
  value?: unknown;
  url?: unknown;
  name?: unknown;
  attributes?: { type: string; name?: unknown; value?: unknown }[];
}

function at(node: TreeNode, problem: Problem): LiveContentFinding {
  const start = node.position?.start ?? { line: 1, column: 1 };
  return { line: start.line, column: start.column, ...problem };
}

function walk(node: TreeNode, findings: LiveContentFinding[]): void {
  const problem = check(node);
  if (problem) findings.push(at(node, problem));
  // An element or expression is reported once; its insides are part of the same finding.
  if (problem && node.type !== "link") return;
  for (const child of node.children ?? []) walk(child, findings);
}

function check(node: TreeNode): Problem | undefined {
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
        return { message: `${describeElement(node, name)}, and stories must be plain text`, hint: HINTS.element };
      }
      const message = vocabularyMistake(node, name);
      return message === undefined ? undefined : { message, hint: `Write it like this: ${VOCABULARY[name].example}` };
    }
    case "html":
      return { message: `raw HTML ${preview(node.value)} is not allowed in stories`, hint: HINTS.element };
    case "link":
    case "image":
    case "definition": {
      const url = typeof node.url === "string" ? node.url.trim() : "";
      if (SAFE_URL.test(url)) return undefined;
      return {
        message: `${node.type === "image" ? "an image" : "a link"} to "${preview(url)}" is not allowed: story links must be http(s) or mailto addresses, or #anchors`,
        hint: HINTS.url,
      };
    }
    default:
      return undefined;
  }
}

function describeElement(node: TreeNode, name: string): string {
  const handlers = (node.attributes ?? [])
    .map((attribute) => (typeof attribute.name === "string" ? attribute.name : ""))
    .filter((attribute) => /^on/i.test(attribute));
  const kind = name.toLowerCase() === "script" ? "a script element" : "an HTML/JSX element";
  const withHandlers = handlers.length > 0 ? ` with an event handler (${handlers.join(", ")})` : "";
  return `${name ? `<${name}>` : "<>"} is ${kind}${withHandlers}`;
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

function preview(value: unknown, max = 40): string {
  const text = typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Words only: case, accents, punctuation and spacing do not make a quote different. */
function comparableWords(text: string): string {
  return foldCase(text)
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

/** An ellipsis in a pull quote marks words left out; each part must still be the story's. */
const ELLIPSIS = /…|\.\.\.|\[…\]|\[\.\.\.\]/;

/** A pull quote may not put new words in a speaker's mouth: each must repeat text found elsewhere in the story. */
function checkPullQuotes(tree: TreeNode): LiveContentFinding[] {
  const quotes: TreeNode[] = [];
  const story = ` ${comparableWords(textOutsideQuotes(tree, quotes))} `;
  return quotes.flatMap((quote) => {
    const parts = textOutsideQuotes(quote).split(ELLIPSIS).map(comparableWords).filter(Boolean);
    const missing = parts.find((part) => !story.includes(` ${part} `));
    if (missing === undefined) return [];
    return at(quote, {
      message: `<PullQuote> says "${preview(missing, 60)}", which the story does not say elsewhere`,
      hint: "A pull quote repeats the story's own words: copy them from the transcript (use … for words left out).",
    });
  });
}

/** Nodes whose children are blocks: their texts are separate, so a space goes between them. */
const BLOCK_PARENTS = new Set(
  "root list listItem blockquote mdxJsxFlowElement table tableRow footnoteDefinition".split(" "),
);

/** All text under `node`, with pull quotes left out and collected when `quotes` is given. */
function textOutsideQuotes(node: TreeNode, quotes?: TreeNode[]): string {
  if (quotes && node.type === "mdxJsxFlowElement" && node.name === "PullQuote") {
    quotes.push(node);
    return " ";
  }
  if (node.type === "text" || node.type === "inlineCode") return typeof node.value === "string" ? node.value : "";
  const inner = (node.children ?? []).map((child) => textOutsideQuotes(child, quotes));
  return inner.join(BLOCK_PARENTS.has(node.type) ? " " : "");
}
