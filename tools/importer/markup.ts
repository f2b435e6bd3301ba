import { extname } from "node:path";
import type { ElementContent, Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import type { SourceMarks } from "./structure.ts";
import type { SourceLine } from "./types.ts";

// Page furniture and code that is never part of an interview.
const SKIP = new Set("head script style noscript template nav footer aside form button svg iframe select".split(" "));
const HEADING = /^h([1-6])$/;
const BLOCK = new Set(["p", "li", "dt", "dd", "figcaption", "caption", "pre", "td", "th", "blockquote"]);
const INLINE = new Set("a em i strong b span code time abbr cite q small sup sub mark u s".split(" "));
const EMPHASIS: Record<string, string> = { em: "*", i: "*", strong: "**", b: "**" };
const PAGES = [".html", ".htm", ".md", ".markdown"];

type Piece = { text: string; level?: number; bold?: boolean; item?: string };

/** The extension a source is archived under: its own for a page (.html, .md), else .txt. */
export function sourceExtension(path: string): string {
  const ext = extname(path).toLowerCase();
  return PAGES.includes(ext) ? ext : ".txt";
}

/** A `.html`/`.md` page as lines (a paragraph, heading or list item each) and the headings it set; else undefined. */
export function readMarkup(path: string, text: string): { lines: SourceLine[]; marks: SourceMarks } | undefined {
  const ext = sourceExtension(path);
  if (ext === ".txt") return undefined;
  const tree = ext.startsWith(".htm")
    ? fromHtml(text)
    : (toHast(fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })) as Root);
  const pieces: Piece[] = [];
  collect(mainOf(tree), pieces);
  const lines: SourceLine[] = [];
  const levels = new Map<number, number>();
  const questions = new Set<number>();
  for (const piece of pieces) {
    for (const part of piece.text.split("\n")) {
      const words = part.replace(/\s+/g, " ").trim();
      if (words === "") continue;
      if (lines.length > 0) lines.push({ number: lines.length + 1, text: "" });
      const number = lines.length + 1;
      lines.push({ number, text: piece.item ? `${piece.item} ${words}` : words });
      if (piece.level !== undefined) levels.set(number, piece.level);
      if (piece.bold) questions.add(number);
    }
  }
  // The page's question level is its highest heading level below the title (h2, or h3 when there is no h2).
  const questionLevel = Math.min(...[...levels.values()].filter((l) => l > 1));
  const subheadings = new Set<number>();
  for (const [n, level] of levels) {
    if (level === questionLevel) questions.add(n);
    else if (level > questionLevel) subheadings.add(n);
  }
  return { lines, marks: { questions, subheadings } };
}

/** The page's main content when it marks one (`<main>`, `<article>`, an article in main), else the whole document. */
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
  const article = found?.tagName === "main" ? found.children.find((c) => isElement(c, "article")) : undefined;
  return (article as Element | undefined) ?? found ?? tree;
}

const isElement = (node: RootContent | ElementContent, tag: string) => node.type === "element" && node.tagName === tag;

function collect(node: Root | Element, pieces: Piece[], ordered?: { next: number }): void {
  let loose = "";
  const flush = () => {
    if (loose.trim() !== "") pieces.push({ text: loose });
    loose = "";
  };
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type !== "element" || child.tagName === "br" || INLINE.has(child.tagName)) {
      loose += inline(child);
      continue;
    }
    if (SKIP.has(child.tagName)) continue;
    const heading = HEADING.exec(child.tagName);
    if ((heading || BLOCK.has(child.tagName)) && child.tagName !== "blockquote" && !hasBlocks(child)) {
      flush();
      const text = inline(child);
      const meaningful = child.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
      const onlyBold =
        meaningful.length === 1 && (isElement(meaningful[0]!, "strong") || isElement(meaningful[0]!, "b"));
      const item = child.tagName === "li" ? (ordered ? `${ordered.next++}.` : "•") : undefined;
      pieces.push({
        text: onlyBold ? text.replace(/^\*\*|\*\*$/g, "") : text,
        ...(heading ? { level: Number(heading[1]) } : {}),
        ...(onlyBold && !item ? { bold: true } : {}),
        ...(item ? { item } : {}),
      });
    } else {
      flush();
      collect(child, pieces, child.tagName === "ol" ? { next: Number(child.properties["start"] ?? 1) } : undefined);
    }
  }
  flush();
}

function hasBlocks(node: Element): boolean {
  return node.children.some(
    (c) => c.type === "element" && (BLOCK.has(c.tagName) || HEADING.test(c.tagName) || /^[uo]l$/.test(c.tagName)),
  );
}

/** A node's words, with `<em>`/`<i>` as `*x*`, `<strong>`/`<b>` as `**x**` and `<br>` as a line break. */
function inline(node: RootContent | ElementContent): string {
  if (node.type === "text") return node.value.replace(/\s+/g, " ");
  if (node.type !== "element" || SKIP.has(node.tagName)) return "";
  if (node.tagName === "br") return "\n";
  const words = node.children.map(inline).join("");
  const marker = EMPHASIS[node.tagName];
  return marker ? wrap(words, marker) : words;
}

/** Wraps words in a marker, keeping the spaces around them outside (`<em>word </em>` -> `*word* `). */
function wrap(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] === "" ? text : `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}
