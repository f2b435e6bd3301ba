import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * Elements a feed reader may show. Anything else is unwrapped (its text stays) or, if it
 * can run code or pull in other documents, dropped with everything inside it.
 */
const ALLOWED_ELEMENTS = new Set([
  "p",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "aside",
  "pre",
  "figure",
  "figcaption",
  "a",
  "img",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "s",
  "del",
  "ins",
  "mark",
  "small",
  "sub",
  "sup",
  "code",
  "kbd",
  "samp",
  "var",
  "q",
  "cite",
  "abbr",
  "time",
  "span",
  "div",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
]);

/** Elements whose content is code, styling or an embedded document: never text for a reader. */
const DROPPED_ELEMENTS = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "link",
  "meta",
  "base",
  "audio",
  "video",
  "source",
  "track",
  "canvas",
  "portal",
  "slot",
]);

const VOID_ELEMENTS = new Set(["br", "hr", "img"]);

/** Attributes kept per element; "*" applies to every element. Everything else goes. */
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  "*": ["title", "lang"],
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  blockquote: ["cite"],
  q: ["cite"],
  ol: ["start", "reversed"],
  li: ["value"],
  time: ["datetime"],
  th: ["colspan", "rowspan", "scope"],
  td: ["colspan", "rowspan"],
};

const allowedAttributes = new Map(
  Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [
    tag,
    new Set([...(ALLOWED_ATTRIBUTES["*"] ?? []), ...names]),
  ]),
);

const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Turns rendered story HTML into HTML a feed reader can show safely on its own page:
 * only plain-document elements and attributes, no scripts, styles or event handlers,
 * and every link and image absolute, resolved against the story's own URL (so `#id`
 * permalinks point at the question on the site, under its base path).
 * Output is written here from the parsed tree, so nothing unparsed passes through.
 */
export function sanitizeFeedHtml(html: string, pageUrl: string): string {
  // parse5 without source locations: a 30 KB story parses several times faster.
  return serializeChildren(parseFragment(html).childNodes, pageUrl);
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

/** Escapes text for use inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function serializeChildren(nodes: readonly Node[], pageUrl: string): string {
  let out = "";
  for (const node of nodes) {
    if (node.nodeName === "#text" && "value" in node) out += escapeText(node.value);
    if (!("tagName" in node)) continue; // comments and doctypes say nothing to a reader
    if (DROPPED_ELEMENTS.has(node.tagName)) continue;
    const children = serializeChildren(node.childNodes, pageUrl);
    if (!ALLOWED_ELEMENTS.has(node.tagName)) {
      out += children;
      continue;
    }
    out += `<${node.tagName}${serializeAttributes(node, pageUrl)}>`;
    if (!VOID_ELEMENTS.has(node.tagName)) out += `${children}</${node.tagName}>`;
  }
  return out;
}

/**
 * The W3C feed validator flags aria-* attributes as unsafe, so an accessible name moves to
 * `title` (which it accepts): a question's permalink keeps its name in a reader.
 */
function namedByTitle(element: Element): Element["attrs"] {
  const label = element.attrs.find((a) => a.name === "aria-label" && !a.namespace);
  if (!label || element.attrs.some((a) => a.name === "title")) return element.attrs;
  return [...element.attrs, { name: "title", value: label.value }];
}

function serializeAttributes(element: Element, pageUrl: string): string {
  const allowed = allowedAttributes.get(element.tagName) ?? allowedAttributes.get("*");
  let out = "";
  for (const { name, value, namespace } of namedByTitle(element)) {
    if (namespace || !allowed?.has(name)) continue;
    const safe = URL_ATTRIBUTES.has(name) ? absoluteSafeUrl(value, pageUrl) : value;
    if (safe !== undefined) out += ` ${name}="${escapeAttribute(safe)}"`;
  }
  return out;
}

const TEXT_SPECIALS = /[&<>]/;

function escapeText(text: string): string {
  // Most text nodes need no escaping: one scan instead of three replaces.
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}
