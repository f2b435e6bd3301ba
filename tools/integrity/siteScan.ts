import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Parser } from "htmlparser2";

/** A URL-bearing attribute on a built page. */
export interface PageLink {
  tag: string;
  attribute: string;
  value: string;
  /** `rel` of an <a>, lower-cased tokens. */
  rel: string[];
}

/** What the checks need from one HTML file; the DOM itself is dropped after the scan. */
export interface PageScan {
  /** File path under the output folder, forward slashes: "stories/x/index.html". */
  file: string;
  /** Ids (and <a name>s) a #fragment may point at. */
  ids: Set<string>;
  links: PageLink[];
  /** Bodies of inline scripts a browser would run. */
  inlineScripts: string[];
  /** Bodies of <style> elements. */
  inlineStyles: string[];
  /** Tags carrying a style="" attribute. */
  styleAttributes: string[];
  /** `tag onclick` for every inline event handler. */
  eventHandlers: string[];
  /** content of <meta http-equiv="content-security-policy">, when present. */
  cspMeta: string | undefined;
}

/** Every file in the output folder, and a scan of every HTML page in it. */
export interface SiteScan {
  dir: string;
  /** All files, forward-slash paths under dir. */
  files: Set<string>;
  /** HTML pages by file path. */
  pages: Map<string, PageScan>;
}

const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src"],
  iframe: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  form: ["action"],
};

// Script types a browser executes; JSON-LD and other data blocks are inert.
const EXECUTABLE_SCRIPT = /^(|text\/javascript|application\/javascript|module)$/i;

/**
 * Lists the output folder and scans its HTML pages, a few files at a time, keeping only ids,
 * links and inline code. Memory and time grow with the number of pages, not their square.
 */
export async function scanSite(dir: string, concurrency = 16): Promise<SiteScan> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.add(full.slice(dir.length + 1).replace(/\\/g, "/"));
  }
  const htmlFiles = [...files].filter((file) => file.endsWith(".html")).sort();
  const scans = new Array<PageScan>(htmlFiles.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < htmlFiles.length) {
      const index = next++;
      const file = htmlFiles[index];
      if (file === undefined) break;
      scans[index] = scanPage(file, await readFile(join(dir, file), "utf8"));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Insert in file order, so reports come out the same on every run.
  return { dir, files, pages: new Map(scans.map((scan) => [scan.file, scan])) };
}

/** Scans one page's HTML in one streaming pass of htmlparser2, building no tree. */
export function scanPage(file: string, html: string): PageScan {
  const scan: PageScan = {
    file,
    ids: new Set(),
    links: [],
    inlineScripts: [],
    inlineStyles: [],
    styleAttributes: [],
    eventHandlers: [],
    cspMeta: undefined,
  };
  // The text of the <script> or <style> being read, with its kind; undefined elsewhere.
  let code: { into: string[]; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        visitTag(tag, attributes, scan);
        if (tag === "style") code = { into: scan.inlineStyles, text: "" };
        else if (
          tag === "script" &&
          attributes["src"] === undefined &&
          EXECUTABLE_SCRIPT.test(attributes["type"] ?? "")
        )
          code = { into: scan.inlineScripts, text: "" };
      },
      ontext(text) {
        if (code) code.text += text;
      },
      onclosetag(tag) {
        if (code && (tag === "script" || tag === "style")) {
          code.into.push(detach(code.text));
          code = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return scan;
}

const NO_REL: string[] = [];

function visitTag(tag: string, attributes: Record<string, string>, scan: PageScan): void {
  // Everything kept is detached from the page's HTML, so the page itself can be freed.
  const id = attributes["id"];
  if (id) scan.ids.add(detach(id));
  const anchorName = tag === "a" ? attributes["name"] : undefined;
  if (anchorName) scan.ids.add(detach(anchorName));
  for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
    const value = attributes[attribute];
    if (value === undefined) continue;
    const rel = attributes["rel"]?.toLowerCase().split(/\s+/).filter(Boolean).map(detach) ?? NO_REL;
    scan.links.push({ tag, attribute, value: detach(value), rel });
  }
  for (const name of Object.keys(attributes)) {
    if (name.startsWith("on")) scan.eventHandlers.push(`<${tag} ${name}>`);
    else if (name === "style") scan.styleAttributes.push(`<${tag}>`);
  }
  const srcset = tag === "img" || tag === "source" ? attributes["srcset"] : undefined;
  for (const candidate of srcset?.split(",") ?? []) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url) scan.links.push({ tag, attribute: "srcset", value: detach(url), rel: NO_REL });
  }
  const property = tag === "meta" ? attributes["property"] : undefined;
  if ((property === "og:url" || property === "og:image") && attributes["content"] !== undefined) {
    scan.links.push({ tag, attribute: "content", value: detach(attributes["content"]), rel: NO_REL });
  }
  if (tag === "meta" && attributes["http-equiv"]?.toLowerCase() === "content-security-policy") {
    const content = attributes["content"];
    scan.cspMeta = content === undefined ? undefined : detach(content);
  }
}

/**
 * A copy of `text` that does not keep its source alive. V8 represents a slice of a long string
 * as a view into it, so holding one id from a page would hold the whole page; 10,000 pages of
 * them cost most of a gigabyte. Concatenating and slicing forces a fresh, small string.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}
