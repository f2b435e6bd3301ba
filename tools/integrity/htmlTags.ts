/** One start tag: its lower-case name, its attributes (names lower-cased, values decoded), and raw text for script/style. */
export interface StartTag {
  name: string;
  attributes: Map<string, string>;
  /** Contents of a <script> or <style> (raw text elements), else undefined. */
  text?: string | undefined;
}

// Elements whose contents are raw text: a "<" inside them starts no tag.
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Calls `visit` for every start tag in an HTML document, in order. It reads tags and
 * attributes only, building no tree, which makes it an order of magnitude faster than a
 * DOM parser on the 10,000 pages of a large archive. It follows the HTML tokenizer's rules
 * for what the integrity check reads: comments, raw-text elements, quoted and unquoted
 * attribute values, character references in values. (A unit test holds it to
 * node-html-parser's reading of the real built pages.)
 */
export function forEachStartTag(html: string, visit: (tag: StartTag) => void): void {
  const length = html.length;
  let i = html.indexOf("<");
  while (i !== -1 && i < length) {
    const next = html.charCodeAt(i + 1);
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? length : html.indexOf("<", end + 3);
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47 /* / */) {
      const end = html.indexOf(">", i + 2);
      i = end === -1 ? length : html.indexOf("<", end + 1);
      continue;
    }
    if (!isAsciiLetter(next)) {
      i = html.indexOf("<", i + 1);
      continue;
    }
    const tag = readStartTag(html, i + 1);
    if (RAW_TEXT.has(tag.name)) {
      const close = findClosingTag(html, tag.name, tag.end);
      tag.tag.text = html.slice(tag.end, close);
      visit(tag.tag);
      const after = html.indexOf(">", close);
      i = after === -1 ? length : html.indexOf("<", after + 1);
      continue;
    }
    visit(tag.tag);
    i = html.indexOf("<", tag.end);
  }
}

function readStartTag(html: string, start: number): { name: string; tag: StartTag; end: number } {
  let i = start;
  while (i < html.length && !isSpaceOrEnd(html.charCodeAt(i))) i++;
  const name = html.slice(start, i).toLowerCase();
  const attributes = new Map<string, string>();
  while (i < html.length) {
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return { name, tag: { name, attributes }, end: i + 1 };
    if (c === 47 /* / */) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < html.length && !isSpaceOrEnd(html.charCodeAt(i)) && html.charCodeAt(i) !== 61 /* = */) i++;
    const attribute = html.slice(nameStart, i).toLowerCase();
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    let value = "";
    if (html.charCodeAt(i) === 61 /* = */) {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const quote = html.charCodeAt(i);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(String.fromCharCode(quote), i + 1);
        const end = close === -1 ? html.length : close;
        value = html.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
        value = html.slice(valueStart, i);
      }
    }
    // The first of two same-named attributes wins, as in browsers.
    if (attribute && !attributes.has(attribute)) attributes.set(attribute, decodeReferences(value));
  }
  return { name, tag: { name, attributes }, end: html.length };
}

function findClosingTag(html: string, name: string, from: number): number {
  const lower = `</${name}`;
  let i = html.indexOf("</", from);
  while (i !== -1) {
    if (html.slice(i, i + lower.length).toLowerCase() === lower) return i;
    i = html.indexOf("</", i + 2);
  }
  return html.length;
}

/**
 * A copy of `text` that does not keep its source alive. V8 represents a slice of a long string
 * as a view into it, so holding one id from a page would hold the whole page; 10,000 pages of
 * them cost most of a gigabyte. Concatenating and slicing forces a fresh, small string.
 */
export function detach(text: string): string {
  return ` ${text}`.slice(1);
}

/** Decodes numeric and the common named character references in an attribute value. */
export function decodeReferences(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isSpaceOrEnd(c: number): boolean {
  return isSpace(c) || c === 62 || c === 47;
}
