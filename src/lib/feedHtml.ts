import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";

/**
 * Elements a feed reader may show. Anything else is unwrapped (its text stays) or, if it
 * can run code or pull in other documents, dropped with everything inside it.
 */
const ALLOWED_ELEMENTS = new Set([
  "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
  "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
  "a", "img", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
  "code", "kbd", "samp", "var", "q", "cite", "abbr", "time", "span", "div",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
]);

/** Elements whose content is code, styling or an embedded document: never text for a reader. */
const DROPPED_ELEMENTS = new Set([
  "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
  "applet", "svg", "math", "form", "input", "button", "select", "textarea", "link", "meta", "base",
  "audio", "video", "source", "track", "canvas", "portal", "slot",
]);

/** hast property names kept per element; "*" applies to every element. Everything else goes. */
const ALLOWED_PROPERTIES: Record<string, readonly string[]> = {
  "*": ["title", "lang"],
  a: ["href", "ariaLabel"],
  img: ["src", "alt", "width", "height"],
  blockquote: ["cite"],
  q: ["cite"],
  ol: ["start", "reversed"],
  li: ["value"],
  time: ["dateTime"],
  th: ["colSpan", "rowSpan", "scope"],
  td: ["colSpan", "rowSpan"],
};

const URL_PROPERTIES = new Set(["href", "src", "cite"]);
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Turns rendered story HTML into HTML a feed reader can show safely on its own page:
 * only plain-document elements and attributes, no scripts, styles or event handlers,
 * and every link and image absolute, resolved against the story's own URL (so `#id`
 * permalinks point at the question on the site, under its base path).
 */
export function sanitizeFeedHtml(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true });
  const clean: Root = { type: "root", children: cleanChildren(tree.children, pageUrl) };
  return toHtml(clean);
}

/** An absolute http(s) or mailto URL for `value` read on `pageUrl`, or undefined if unsafe. */
export function absoluteSafeUrl(value: string, pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

function cleanChildren(nodes: readonly RootContent[], pageUrl: string): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === "text") out.push({ type: "text", value: node.value });
    if (node.type !== "element") continue; // comments and doctypes say nothing to a reader
    if (DROPPED_ELEMENTS.has(node.tagName)) continue;
    const children = cleanChildren(node.children, pageUrl);
    if (!ALLOWED_ELEMENTS.has(node.tagName)) {
      out.push(...children);
      continue;
    }
    const element: Element = {
      type: "element",
      tagName: node.tagName,
      properties: cleanProperties(node.tagName, node.properties, pageUrl),
      children,
    };
    out.push(element);
  }
  return out;
}

function cleanProperties(tagName: string, properties: Properties, pageUrl: string): Properties {
  const allowed = [...(ALLOWED_PROPERTIES["*"] ?? []), ...(ALLOWED_PROPERTIES[tagName] ?? [])];
  const clean: Properties = {};
  for (const name of allowed) {
    const value = properties[name];
    if (value === undefined || value === null) continue;
    if (URL_PROPERTIES.has(name)) {
      const url = typeof value === "string" ? absoluteSafeUrl(value, pageUrl) : undefined;
      if (url !== undefined) clean[name] = url;
      continue;
    }
    clean[name] = value;
  }
  return clean;
}

/** Escapes text for use inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
