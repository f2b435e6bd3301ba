/**
 * Turns archived text into MDX that renders as exactly that text.
 *
 * Markdown reads most ASCII punctuation as formatting, and MDX reads `{` `}` as JavaScript,
 * `<` as a component and a line starting `import `/`export ` as a module, so every such
 * character is backslash-escaped (`\<`, `\{`, `\&`), a line that would start a module
 * begins with a character reference (`&#105;mport`), and line starts that would open a block
 * (lists, breaks) are neutralised. The same text is also safe Markdown (`.md`).
 * Real http(s) URLs become explicit `[text](<url>)` links. Everything else GFM would
 * autolink (`name@host`, `www.`, odd schemes) stays plain text here: no escape or entity
 * stops Sätteri's autolinking, so the site's story plugin (src/markdown/inertStories.ts)
 * turns every link not written as `[text](url)` or `<url>` back into its text.
 */

// Characters Markdown, GFM or MDX give meaning to anywhere in a line (`&` starts an entity,
// `<` HTML or a component, `{` `}` a JavaScript expression).
const SPECIAL = new Set(["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "{", "}"]);

// What an escaped entity reference looks like up to its `;`: `\&amp`, `\&\#123`, `\&\#x7B`.
const ENTITY_BODY = /\\&(?:\\#[xX]?[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*)$/;

// Where an http(s) URL may begin.
const SCHEME = /https?:\/\//giu;

// Where a URL may start, as a reader would see it: at a word boundary or after an opening mark.
const URL_BOUNDARY = /[\s(["'“‘«*_~]/u;
// Trailing punctuation belongs to the sentence, not the URL (GFM's rule, with typographic quotes).
const URL_TRAILING = /[?!.,:;*_~"'”’»]$/u;

/** Escapes one line of text for use inside a paragraph, heading or list item. */
export function escapeInline(text: string): string {
  let out = "";
  let plainFrom = 0;
  for (const match of text.matchAll(SCHEME)) {
    const start = match.index;
    if (start < plainFrom) continue;
    const url = start === 0 || URL_BOUNDARY.test(text[start - 1]!) ? readHttpUrl(text, start) : undefined;
    if (!url) continue;
    out += escapePlain(text.slice(plainFrom, start));
    out += `[${escapePlain(url.text)}](<${escapeHref(url.href)}>)`;
    plainFrom = start + url.text.length;
  }
  return out + escapePlain(text.slice(plainFrom));
}

/** Makes the start of an escaped line unable to open a list, a thematic break, a setext heading or an MDX module. */
export function escapeLineStart(escaped: string): string {
  if (/^(?:import|export)\s/.test(escaped)) return `&#${escaped.charCodeAt(0)};${escaped.slice(1)}`;
  if (/^[-+=]/.test(escaped)) return `\\${escaped}`;
  return escaped.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** A whole block's text: inline escapes plus line-start protection. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

// Text GFM would autolink from (www., a scheme, an e-mail address's @), up to the next space.
const AUTOLINK_RUN = /(?:www\.|:\/\/|@)\S*$/i;
// MDX syntax that must not follow a backslash an autolink may swallow, as named references:
// a link that ends in one leaves it out (GFM's rule), and the story plugin decodes it inside one.
const MDX_SYNTAX: ReadonlyMap<string, string> = new Map([
  ["<", "&lt;"],
  ["{", "&lbrace;"],
  ["}", "&rbrace;"],
]);

function escapePlain(text: string): string {
  let out = "";
  for (const char of text) {
    // `\&amp;` is safe alone, but a GFM autolink right before it can swallow the backslash
    // (a Sätteri quirk), so the `;` that would close an entity reference is escaped too.
    const closesEntity = char === ";" && ENTITY_BODY.test(out);
    // A swallowed backslash before `<` or `{` would leave MDX reading a component or code,
    // so inside such a run those are written as character references, which no link takes apart.
    const reference = MDX_SYNTAX.get(char);
    if (reference && AUTOLINK_RUN.test(out)) out += reference;
    else out += SPECIAL.has(char) || closesEntity ? `\\${char}` : char;
  }
  return out;
}

/** An http(s) URL as written in the text, and the address its link points to. */
interface FoundUrl {
  text: string;
  href: string;
}

function readHttpUrl(text: string, start: number): FoundUrl | undefined {
  let candidate = /^[^\s<]+/u.exec(text.slice(start))![0];
  for (;;) {
    const last = candidate.at(-1)!;
    if (URL_TRAILING.test(last)) candidate = candidate.slice(0, -1);
    else if (last === ")" && count(candidate, ")") > count(candidate, "(")) candidate = candidate.slice(0, -1);
    else if (last === "]" && count(candidate, "]") > count(candidate, "[")) candidate = candidate.slice(0, -1);
    else break;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  // Hostnames come back lower-cased and punycoded, so a real one is letters, digits, hyphens and dots.
  const realHost = url.hostname === "localhost" || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname);
  if (!/^https?:$/.test(url.protocol) || !realHost || url.username !== "" || url.password !== "") return undefined;
  return { text: candidate, href: url.href };
}

/** A link destination with nothing Markdown could reinterpret: unusual bytes percent-encoded, `&` escaped. */
function escapeHref(href: string): string {
  const encoded = href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
  return encoded.replace(/&/g, "\\&");
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
