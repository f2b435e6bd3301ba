import { HTMLElement, parse, TextNode, type Node } from "node-html-parser";

/** Markdown body without fenced code blocks, whose lines are not structure. */
function outsideCode(body: string): string[] {
  let fenced = false;
  return body.split("\n").filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    return !fenced;
  });
}

/** `\<` -> `<`, `&amp;` -> `&`: what a reader sees of escaped Markdown/MDX text. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** The `##` and `###` headings of a story body, and each `<Aside>`'s title (an h3), as a reader sees them, in order. */
export function sourceHeadings(body: string): string[] {
  return outsideCode(body)
    .map((line) => /^#{2,3}\s+(.+?)\s*#*\s*$/.exec(line)?.[1] ?? /^<Aside title="([^"]*)"/.exec(line)?.[1])
    .filter((text): text is string => text !== undefined)
    .map((text) => normalizeSpace(unescapeMarkdown(text)));
}

/** How many list items (bulleted or numbered) a story body has. */
export function sourceListItemCount(body: string): number {
  return outsideCode(body).filter((line) => /^\s*([-*+]|\d+[.)])\s+\S/.test(line)).length;
}

/**
 * Paragraphs with no Markdown syntax at all, so their rendered text must equal the source:
 * the "known sentences" a feed has to carry.
 */
export function plainParagraphs(body: string): string[] {
  return outsideCode(body)
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "" && !/^([#>|<]|[-*+]\s|\d+[.)]\s)/m.test(block))
    .filter((block) => !/[`*_\\<>{}[\]|&~]|https?:|www\.|@/.test(block))
    .map(normalizeSpace);
}

/** Collapses runs of whitespace, as HTML rendering does. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Parses built HTML (a page or a fragment) the one way the tests do. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false, blockTextElements: { script: true, style: true, pre: true } });
}

/** Every element in an HTML fragment, in document order. */
export function htmlElements(html: string): HTMLElement[] {
  return parseHtml(html).querySelectorAll("*");
}

const INVISIBLE = new Set(["script", "style", "template", "noscript"]);

/** The text a reader sees of an element or fragment (scripts and styles are not text). */
export function textOf(node: Node): string {
  if (node instanceof TextNode) return node.text;
  // The root of a parse has no tag name.
  if (node instanceof HTMLElement && !INVISIBLE.has(node.rawTagName?.toLowerCase() ?? ""))
    return node.childNodes.map(textOf).join("");
  return "";
}

/** The text a reader sees of an element, whitespace collapsed. */
export function visibleText(node: Node): string {
  return normalizeSpace(textOf(node));
}

/** The text a reader sees of an HTML fragment, whitespace collapsed. */
export function htmlText(html: string): string {
  return normalizeSpace(textOf(parseHtml(html)));
}
