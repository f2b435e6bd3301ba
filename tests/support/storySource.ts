import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";

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

/** Every element in an HTML fragment, in document order. */
export function htmlElements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      out.push(node);
      walk(node.children);
    }
  };
  walk(fromHtml(html, { fragment: true }).children);
  return out;
}

const INVISIBLE = new Set(["script", "style", "template", "noscript"]);

/** The text a reader sees of an element or fragment (scripts and styles are not text). */
export function textOf(node: Root | Element | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && INVISIBLE.has(node.tagName)) return "";
  if (node.type === "root" || node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** The text a reader sees of an element, whitespace collapsed. */
export function visibleText(node: Root | Element): string {
  return normalizeSpace(textOf(node));
}

/** The text a reader sees of an HTML fragment, whitespace collapsed. */
export function htmlText(html: string): string {
  return normalizeSpace(textOf(fromHtml(html, { fragment: true })));
}
