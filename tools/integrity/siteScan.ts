import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { Parser } from "htmlparser2";

/** A URL-bearing attribute on a built page; `rel` holds an element's lower-cased rel tokens. */
type PageLink = { tag: string; attribute: string; value: string; rel: string[] };

/**
 * What the checks need from one HTML file ("stories/x/index.html"), the page itself dropped: ids (and
 * <a name>s) a #fragment may point at, links, bodies of inline scripts a browser would run and of <style>
 * elements, `<tag>` per style="" attribute, `<tag onclick>` per inline handler, the CSP <meta> content.
 */
const emptyScan = (file: string) => ({
  file,
  ids: new Set<string>(),
  links: [] as PageLink[],
  inlineScripts: [] as string[],
  inlineStyles: [] as string[],
  styleAttributes: [] as string[],
  eventHandlers: [] as string[],
  cspMeta: undefined as string | undefined,
});
type PageScan = ReturnType<typeof emptyScan>;

/** Every file in the output folder (forward-slash paths under it), and a scan of every HTML page by path. */
export type SiteScan = Awaited<ReturnType<typeof scanSite>>;

const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  ...Object.fromEntries(["a", "area", "link"].map((tag) => [tag, ["href"]])),
  ...Object.fromEntries(["script", "img", "iframe", "source", "audio"].map((tag) => [tag, ["src"]])),
  video: ["src", "poster"],
  form: ["action"],
};

// Script types a browser executes; JSON-LD and other data blocks are inert.
const EXECUTABLE_SCRIPT = /^(|text\/javascript|application\/javascript|module)$/i;

/** Lists the output folder and scans its HTML pages, keeping only ids, links and inline code. */
export async function scanSite(dir: string) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Set(
    entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).replace(/\\/g, "/")),
  );
  const htmlFiles = [...files].filter((file) => file.endsWith(".html")).sort();
  const scans = new Array<PageScan>(htmlFiles.length);
  await inParallel(htmlFiles, async (file, index) => {
    scans[index] = scanPage(file, await readFile(join(dir, file), "utf8"));
  });
  // In file order, so reports come out the same on every run.
  return { files, pages: new Map(scans.map((scan) => [scan.file, scan])) };
}

/** Runs `work` on every item, 16 at a time: thousands of small files are read, never all open at once. */
export async function inParallel<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await work(items[index] as T, index);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Scans one page's HTML in one streaming pass of htmlparser2, building no tree. */
export function scanPage(file: string, html: string) {
  const scan = emptyScan(file);
  // The text of the <script> or <style> being read, and where it goes; undefined elsewhere.
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
  const link = (attribute: string, value: string, rel = NO_REL) =>
    scan.links.push({ tag, attribute, value: detach(value), rel });
  if (attributes["id"]) scan.ids.add(detach(attributes["id"]));
  if (tag === "a" && attributes["name"]) scan.ids.add(detach(attributes["name"]));
  for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
    const value = attributes[attribute];
    if (value !== undefined)
      link(attribute, value, attributes["rel"]?.toLowerCase().split(/\s+/).filter(Boolean).map(detach));
  }
  for (const name of Object.keys(attributes)) {
    if (name.startsWith("on")) scan.eventHandlers.push(`<${tag} ${name}>`);
    else if (name === "style") scan.styleAttributes.push(`<${tag}>`);
  }
  if (tag === "img" || tag === "source") {
    for (const candidate of attributes["srcset"]?.split(",") ?? []) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) link("srcset", url);
    }
  }
  if (tag !== "meta") return;
  const { property, content } = attributes;
  if ((property === "og:url" || property === "og:image") && content !== undefined) link("content", content);
  if (attributes["http-equiv"]?.toLowerCase() === "content-security-policy") {
    scan.cspMeta = content === undefined ? undefined : detach(content);
  }
}

/** A fresh copy of `text`: V8 keeps a slice as a view into the whole page (10,000 pages: most of a gigabyte). */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}
