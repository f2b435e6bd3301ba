/** A line's plain-text emphasis read, and its text escaped into MDX that renders as exactly that text (docs/importer.md). */

/** A run of a line's words, emphasised or not; the markers that set it apart are gone. */
type InlineRun = { text: string; emphasis?: "em" | "strong" };

// Longest first, so "**x**" is strong rather than two empty emphases.
const MARKERS = ["**", "__", "*", "_"] as const;
const OPENS_AFTER = /[\s([{"'“‘«—–/-]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Reads `_x_`, `*x*`, `**x**` and `__x__` in plain text as emphasis, the way e-mails and forums mark it. */
export function readInline(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const plain = (words: string) => {
    const last = runs.at(-1);
    if (last && !last.emphasis) last.text += words;
    else runs.push({ text: words });
  };
  let plainFrom = 0;
  for (let i = 0; i < text.length;) {
    const marker = MARKERS.find((m) => text.startsWith(m, i));
    const close = marker && opensAt(text, i, marker) ? findCloser(text, i + marker.length, marker) : -1;
    const inner = marker && close !== -1 ? text.slice(i + marker.length, close) : "";
    const words = inner.trimEnd();
    if (!marker || !WORD.test(words)) {
      i += marker?.length ?? 1;
      continue;
    }
    if (i > plainFrom) plain(text.slice(plainFrom, i));
    runs.push({ text: words, emphasis: marker.length === 2 ? "strong" : "em" });
    // "_a team. _This": the space before the closer is between words, not inside the emphasis.
    if (inner.length > words.length) plain(inner.slice(words.length));
    i = plainFrom = close + marker.length;
  }
  if (plainFrom < text.length) plain(text.slice(plainFrom));
  return runs;
}

// An opener follows a space or an opening mark and precedes a non-space (so `snake_case` and lone marks stay text).
function opensAt(text: string, at: number, marker: string): boolean {
  const after = text[at + marker.length];
  return OPENS_AFTER.test(text[at - 1] ?? " ") && after !== undefined && !/\s/u.test(after) && after !== marker[0];
}

// A closer follows a non-space, or (as e-mails write it, "_a team. _This") follows a space and precedes a letter.
function findCloser(text: string, from: number, marker: string): number {
  for (let j = text.indexOf(marker, from); j !== -1; j = text.indexOf(marker, j + 1)) {
    const before = text[j - 1]!;
    const after = text[j + marker.length];
    if (j === from || after === marker[0] || before === marker[0]) continue;
    if (!/\s/u.test(before) && (after === undefined || !WORD.test(after))) return j;
    if (/\s/u.test(before) && after !== undefined && WORD.test(after)) return j;
  }
  return -1;
}

/** A line's words without its emphasis marks: what a reader sees. */
export function plainText(text: string): string {
  return readInline(text).reduce((words, run) => words + run.text, "");
}

/** A block's text as Markdown: every character escaped, its emphasis written as `*x*` / `**x**`. */
export function emphasisMarkdown(text: string): string {
  const marks = { em: "*", strong: "**" };
  const runs = readInline(text).map(({ text, emphasis }) => {
    const mark = emphasis ? marks[emphasis] : "";
    return `${mark}${escapeInline(text)}${mark}`;
  });
  return escapeLineStart(runs.join(""));
}

// Characters Markdown, GFM or MDX give meaning to anywhere in a line.
const SPECIAL = new Set(["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "{", "}"]);
// What an escaped entity reference looks like up to its `;`: `\&amp`, `\&\#123`, `\&\#x7B`.
const ENTITY_BODY = /\\&(?:\\#[xX]?[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*)$/;
const SCHEME = /https?:\/\//giu;
// Where a URL may start, as a reader would see it: at a word boundary or after an opening mark.
const URL_BOUNDARY = /[\s(["'“‘«*_~]/u;
// Trailing punctuation belongs to the sentence, not the URL (GFM's rule, with typographic quotes).
const URL_TRAILING = /[?!.,:;*_~"'”’»]$/u;
// Text GFM would autolink from (www., a scheme, an e-mail address's @), up to the next space.
const AUTOLINK_RUN = /(?:www\.|:\/\/|@)\S*$/i;
// MDX syntax written as named references inside such a run, where an autolink may swallow a backslash.
const MDX_SYNTAX: Readonly<Record<string, string>> = { "<": "&lt;", "{": "&lbrace;", "}": "&rbrace;" };

/** Escapes one line of text for use inside a paragraph, heading or list item; http(s) URLs become `[text](<url>)`. */
function escapeInline(text: string): string {
  let out = "";
  let plainFrom = 0;
  for (const { index: start } of text.matchAll(SCHEME)) {
    if (start < plainFrom) continue;
    const url = start === 0 || URL_BOUNDARY.test(text[start - 1]!) ? readHttpUrl(text, start) : undefined;
    if (!url) continue;
    out += `${escapePlain(text.slice(plainFrom, start))}[${escapePlain(url.text)}](<${escapeHref(url.href)}>)`;
    plainFrom = start + url.text.length;
  }
  return out + escapePlain(text.slice(plainFrom));
}

/** Makes the start of an escaped line unable to open a list, a thematic break, a setext heading or an MDX module. */
function escapeLineStart(escaped: string): string {
  if (/^(?:import|export)\s/.test(escaped)) return `&#${escaped.charCodeAt(0)};${escaped.slice(1)}`;
  if (/^[-+=]/.test(escaped)) return `\\${escaped}`;
  return escaped.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** A whole block's text: inline escapes plus line-start protection. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

function escapePlain(text: string): string {
  let out = "";
  for (const char of text) {
    // A GFM autolink just before `\&amp;` can swallow its backslash (a Sätteri quirk), so a closing `;` is escaped too.
    const closesEntity = char === ";" && ENTITY_BODY.test(out);
    const reference = MDX_SYNTAX[char];
    if (reference && AUTOLINK_RUN.test(out)) out += reference;
    else out += SPECIAL.has(char) || closesEntity ? `\\${char}` : char;
  }
  return out;
}

/** An http(s) URL with a real host as written at `start`, and the address its link points to. */
function readHttpUrl(text: string, start: number): { text: string; href: string } | undefined {
  let candidate = /^[^\s<]+/u.exec(text.slice(start))![0];
  const count = (char: string) => candidate.split(char).length - 1;
  // A closing bracket without its opener ends the sentence, not the URL.
  const unopened = (last: string) =>
    (last === ")" && count(")") > count("(")) || (last === "]" && count("]") > count("["));
  while (URL_TRAILING.test(candidate.at(-1)!) || unopened(candidate.at(-1)!)) candidate = candidate.slice(0, -1);
  const url = URL.parse(candidate);
  if (!url) return undefined;
  // Hostnames come back lower-cased and punycoded, so a real one is letters, digits, hyphens and dots.
  const realHost = url.hostname === "localhost" || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname);
  if (!/^https?:$/.test(url.protocol) || !realHost || url.username !== "" || url.password !== "") return undefined;
  return { text: candidate, href: url.href };
}

/** A link destination with nothing Markdown could reinterpret: unusual bytes percent-encoded, `&` escaped. */
function escapeHref(href: string): string {
  return href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c)).replace(/&/g, "\\&");
}
