import { extname } from "node:path";
import type { ElementContent, Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import type { SourceMarks } from "./structure.ts";
import type { SourceLine } from "./types.ts";

/** The text of a saved web page or Markdown file as lines, and the headings its markup set. */
export interface MarkupText {
  format: "html" | "markdown";
  lines: SourceLine[];
  marks: SourceMarks;
}

// Page furniture and code that is never part of an interview.
const SKIP = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "footer",
  "aside",
  "form",
  "button",
  "svg",
  "iframe",
  "select",
]);
const HEADING = /^h([1-6])$/;
const BLOCK = new Set(["p", "li", "dt", "dd", "figcaption", "caption", "pre", "td", "th", "blockquote"]);

interface Piece {
  text: string;
  level?: number;
  bold?: boolean;
  item?: string;
}

/** The extension a source is archived under: its own for a page (.html, .md), else .txt. */
export function sourceExtension(path: string): string {
  const ext = extname(path).toLowerCase();
  return [".html", ".htm", ".md", ".markdown"].includes(ext) ? ext : ".txt";
}

/**
 * Reads `.html`/`.htm` (parse5, via hast-util-from-html) and `.md`/`.markdown` (micromark with GFM)
 * into lines of text, one paragraph, heading or list item each; undefined for any other file. Emphasis
 * comes back as `*x*`/`**x**` so it is read like a plain-text source's; links keep their words.
 */
export function readMarkup(path: string, text: string): MarkupText | undefined {
  const ext = extname(path).toLowerCase();
  let tree: Root;
  let format: MarkupText["format"];
  if (ext === ".html" || ext === ".htm") {
    tree = fromHtml(text);
    format = "html";
  } else if (ext === ".md" || ext === ".markdown") {
    const mdast = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    tree = toHast(mdast) as Root;
    format = "markdown";
  } else return undefined;

  const pieces: Piece[] = [];
  collect(mainOf(tree), pieces);
  const lines: SourceLine[] = [];
  const levels = new Map<number, number>();
  const bold = new Set<number>();
  for (const piece of pieces) {
    for (const part of piece.text.split("\n")) {
      const words = part.replace(/\s+/g, " ").trim();
      if (words === "") continue;
      if (lines.length > 0) lines.push({ number: lines.length + 1, text: "" });
      const number = lines.length + 1;
      lines.push({ number, text: piece.item ? `${piece.item} ${words}` : words });
      if (piece.level !== undefined) levels.set(number, piece.level);
      if (piece.bold) bold.add(number);
    }
  }
  // The page's question level is its highest heading level below the title (h2, or h3 when there is no h2).
  const used = [...new Set([...levels.values()].filter((l) => l > 1))].sort();
  const questionLevel = used[0];
  const questions = new Set([...levels].filter(([, l]) => l === questionLevel).map(([n]) => n));
  for (const n of bold) questions.add(n);
  const subheadings = new Set(
    [...levels].filter(([, l]) => questionLevel !== undefined && l > questionLevel).map(([n]) => n),
  );
  return { format, lines, marks: { questions, subheadings } };
}

/** The page's main content when it marks one (`<main>`, `<article>`), else the whole document. */
function mainOf(tree: Root): Root | Element {
  let found: Element | undefined;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (found || child.type !== "element") continue;
      if (child.tagName === "article" || child.tagName === "main") found = child;
      else if (!SKIP.has(child.tagName)) visit(child);
    }
  };
  visit(tree);
  if (found?.tagName === "main") {
    const article = found.children.find((c): c is Element => c.type === "element" && c.tagName === "article");
    return article ?? found;
  }
  return found ?? tree;
}

function collect(node: Root | Element, pieces: Piece[], ordered?: { next: number }): void {
  let loose = "";
  const flush = () => {
    if (loose.trim() !== "") pieces.push({ text: loose });
    loose = "";
  };
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type === "text") {
      loose += spaced(child.value);
      continue;
    }
    if (child.type !== "element" || SKIP.has(child.tagName)) continue;
    const heading = HEADING.exec(child.tagName);
    if (heading || BLOCK.has(child.tagName)) {
      flush();
      if (child.tagName === "blockquote" || hasBlocks(child)) {
        collect(child, pieces, child.tagName === "ol" ? { next: 1 } : undefined);
        continue;
      }
      const text = inline(child);
      const onlyBold = isOnlyBold(child);
      const item = child.tagName === "li" ? (ordered ? `${ordered.next++}.` : "•") : undefined;
      pieces.push({
        text: onlyBold ? text.replace(/^\*\*|\*\*$/g, "") : text,
        ...(heading ? { level: Number(heading[1]) } : {}),
        ...(onlyBold && !item ? { bold: true } : {}),
        ...(item ? { item } : {}),
      });
    } else if (child.tagName === "ul" || child.tagName === "ol") {
      flush();
      collect(child, pieces, child.tagName === "ol" ? { next: Number(child.properties["start"] ?? 1) } : undefined);
    } else if (child.tagName === "br") {
      loose += "\n";
    } else if (isInline(child)) {
      loose += inline({ ...child, children: [child] });
    } else {
      flush();
      collect(child, pieces);
    }
  }
  flush();
}

/** Whitespace in markup is one space; only `<br>` (written "\n" here) breaks a line. */
function spaced(text: string): string {
  return text.replace(/\s+/g, " ");
}

const INLINE = new Set([
  "a",
  "em",
  "i",
  "strong",
  "b",
  "span",
  "code",
  "time",
  "abbr",
  "cite",
  "q",
  "small",
  "sup",
  "sub",
  "mark",
  "u",
  "s",
]);

function isInline(node: Element): boolean {
  return INLINE.has(node.tagName);
}

function hasBlocks(node: Element): boolean {
  return node.children.some(
    (c) =>
      c.type === "element" &&
      (BLOCK.has(c.tagName) || HEADING.test(c.tagName) || c.tagName === "ul" || c.tagName === "ol"),
  );
}

/** A block's words, with `<em>`/`<i>` as `*x*`, `<strong>`/`<b>` as `**x**` and `<br>` as a line break. */
function inline(node: Element): string {
  let out = "";
  for (const child of node.children) {
    if (child.type === "text") out += spaced(child.value);
    else if (child.type !== "element" || SKIP.has(child.tagName)) continue;
    else if (child.tagName === "br") out += "\n";
    else if (child.tagName === "em" || child.tagName === "i") out += wrap(inline(child), "*");
    else if (child.tagName === "strong" || child.tagName === "b") out += wrap(inline(child), "**");
    else out += inline(child);
  }
  return out;
}

/** Wraps words in a marker, keeping the spaces around them outside (`<em>word </em>` -> `*word* `). */
function wrap(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] === "" ? text : `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

function isOnlyBold(node: Element): boolean {
  const meaningful = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  return (
    meaningful.length === 1 && meaningful[0]!.type === "element" && ["strong", "b"].includes(meaningful[0]!.tagName)
  );
}
