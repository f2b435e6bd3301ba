/**
 * Turns archived text into MDX that renders as exactly that text.
 *
 * MDX reads `{}` as JavaScript, `<` as JSX, `import`/`export` lines as modules, and
 * Markdown reads most ASCII punctuation as formatting. Every such character is
 * backslash-escaped; line starts that would open a block (lists, ESM) are neutralised.
 * GFM would also turn `www.`, `http://` and `name@host` into links, and it reads those
 * before escapes are applied, so the importer decides about links itself: real http(s)
 * URLs become explicit links, every other link trigger is split with a string-literal
 * expression (`{"@"}`), which renders the same character and cannot be autolinked.
 */

// Characters Markdown, GFM or MDX give meaning to anywhere in a line.
const SPECIAL = new Set(["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~", "&"]);

// Split points GFM would autolink from: a scheme, "www." or the "@" of an e-mail address.
const TRIGGER = /https?:\/\/|www\./giu;
const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._+-]/;

// Where a URL may start, as a reader would see it: at a word boundary or after an opening mark.
const URL_BOUNDARY = /[\s(["'“‘«*_~]/u;
// Trailing punctuation belongs to the sentence, not the URL (GFM's rule, with typographic quotes).
const URL_TRAILING = /[?!.,:;*_~"'”’»]$/u;

/** The only expressions the importer ever writes: one character as a JSON string literal. */
export const LINK_BREAKERS: ReadonlySet<string> = new Set(["@", "h", "H", "w", "W"].map((c) => JSON.stringify(c)));

/** Escapes one line of text for use inside a paragraph, heading or list item. */
export function escapeInline(text: string): string {
  let out = "";
  let plainFrom = 0;
  const breaks = new Set<number>();
  for (const match of text.matchAll(TRIGGER)) {
    const start = match.index;
    if (start < plainFrom) continue;
    const url = start === 0 || URL_BOUNDARY.test(text[start - 1]!) ? readHttpUrl(text, start) : undefined;
    if (!url) {
      breaks.add(start);
      continue;
    }
    out += escapePlain(text, plainFrom, start, breaks);
    out += `[${escapePlain(url.text, 0, url.text.length, new Set())}](<${escapeHref(url.href)}>)`;
    plainFrom = start + url.text.length;
  }
  return out + escapePlain(text, plainFrom, text.length, breaks);
}

/** Makes the start of an escaped line unable to open a list, a thematic break or an ESM block. */
export function escapeLineStart(escaped: string): string {
  if (/^(?:import|export)\b/.test(escaped)) return `&#${escaped.charCodeAt(0)};${escaped.slice(1)}`;
  if (/^[-+=]/.test(escaped)) return `\\${escaped}`;
  return escaped.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** A whole block's text: inline escapes plus line-start protection. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

function escapePlain(text: string, from: number, to: number, breaks: ReadonlySet<number>): string {
  let out = "";
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    if (breaks.has(i)) out += `{${JSON.stringify(char)}}`;
    else if (char === "@" && i > 0 && EMAIL_LOCAL_CHAR.test(text[i - 1]!)) out += `{"@"}`;
    else if (SPECIAL.has(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/** An http(s) URL as written in the text, and the address its link points to. */
interface FoundUrl {
  text: string;
  href: string;
}

function readHttpUrl(text: string, start: number): FoundUrl | undefined {
  if (!/^https?:\/\//i.test(text.slice(start, start + 8))) return undefined;
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
  const realHost = url.hostname === "localhost" || /^[^.]+(\.[^.]+)+$/.test(url.hostname);
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
