/**
 * Internal references of built HTML pages and whether each one lands: the file exists in dist/
 * and, when the reference has a #fragment, the target page has an element with that id.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { BASE_PATH, DIST, fileForPath, type BuiltPage } from "./site.ts";

/** One reference that does not land, with enough context to find it in the source. */
export interface BrokenLink {
  element: string;
  url: string;
  reason: string;
}

// Every attribute through which a page makes the browser fetch or navigate to another URL.
const REFERENCES: [selector: string, attribute: string][] = [
  ["a[href]", "href"],
  ["area[href]", "href"],
  ["link[href]", "href"],
  ["form[action]", "action"],
  ["img[src]", "src"],
  ["script[src]", "src"],
  ["source[src]", "src"],
  ["iframe[src]", "src"],
  ["video[src]", "src"],
  ["audio[src]", "src"],
  ["meta[property='og:url']", "content"],
  ["meta[property='og:image']", "content"],
];
const SRCSETS = ["img[srcset]", "source[srcset]"];
// HTML defines these fragments as "the top of the document", so no element needs the id.
const TOP_OF_PAGE = new Set(["", "top"]);

const idCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const root = parse(readFileSync(file, "utf8"));
    ids = new Set([
      ...root.querySelectorAll("[id]").map((el) => el.id),
      ...root.querySelectorAll("a[name]").map((el) => el.getAttribute("name") ?? ""),
    ]);
    idCache.set(file, ids);
  }
  return ids;
}

function referencesOf(root: HTMLElement): { element: string; url: string }[] {
  const plain = REFERENCES.flatMap(([selector, attribute]) =>
    root
      .querySelectorAll(selector)
      .map((el) => ({ element: selector.replace(/\[.*/, ""), url: el.getAttribute(attribute) ?? "" })),
  );
  const fromSrcset = SRCSETS.flatMap((selector) =>
    root
      .querySelectorAll(selector)
      .flatMap((el) =>
        (el.getAttribute("srcset") ?? "")
          .split(",")
          .map((candidate) => ({ element: selector.replace(/\[.*/, ""), url: candidate.trim().split(/\s+/)[0] ?? "" })),
      ),
  );
  return [...plain, ...fromSrcset];
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function whyBroken(target: URL, siteOrigin: string): string | undefined {
  if (target.origin !== siteOrigin) return undefined; // another site: not ours to check here
  const file = fileForPath(target.pathname);
  const slashless = "the page exists, but the link lacks the trailing slash the site uses";
  if (!file) return `${target.pathname}/` === BASE_PATH ? slashless : `it is outside the base path ${BASE_PATH}`;
  if (!isFile(file)) {
    if (isFile(join(file, "index.html"))) return slashless;
    return `dist/ has no ${file.slice(DIST.length + 1)}`;
  }
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (target.hash && !TOP_OF_PAGE.has(fragment) && file.endsWith(".html") && !idsOf(file).has(fragment)) {
    return `the page has no element with id "${fragment}"`;
  }
  return undefined;
}

/** References in `page` that point into the site but land on no file or no #anchor. */
export function brokenLinks(page: BuiltPage, siteOrigin: string): BrokenLink[] {
  const root = parse(readFileSync(page.file, "utf8"));
  const pageUrl = new URL(page.path, siteOrigin);
  return referencesOf(root).flatMap(({ element, url }) => {
    let target: URL;
    try {
      target = new URL(url, pageUrl);
    } catch {
      return [{ element, url, reason: "it is not a valid URL" }];
    }
    const reason = whyBroken(target, siteOrigin);
    return reason ? [{ element, url, reason }] : [];
  });
}
