/** Where the site lives: its origin (from `site`) and its sub-path (from `base`). */
export interface SiteLocation {
  /** e.g. "/" or "/archive/" — always with both slashes. */
  base: string;
  /** e.g. "https://archive.example"; undefined when no `site` is configured. */
  origin: string | undefined;
}

/** A URL that points into the built site, split into the output file path and the #fragment. */
export interface InternalTarget {
  /** Path under the base, without query or fragment: "stories/x/", "rss.xml", "" for home. */
  path: string;
  /** Decoded fragment without "#", or undefined. */
  fragment: string | undefined;
}

export type ClassifiedUrl =
  | { kind: "internal"; target: InternalTarget }
  | { kind: "outside-base"; path: string }
  | { kind: "external" }
  | { kind: "unsafe"; scheme: string }
  | { kind: "ignored" };

/** Normalises a base the way Astro does: leading and trailing slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** The URL path (under the base) a built HTML file is served at: "stories/x/index.html" -> "stories/x/". */
export function pagePath(file: string): string {
  if (file === "index.html") return "";
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}

/**
 * Sorts a URL found on the page at `fromPath` into: a target inside the site (to be checked),
 * a site path outside `base`, another site, a script-capable scheme, or something not to check.
 */
export function classifyUrl(raw: string, fromPath: string, site: SiteLocation): ClassifiedUrl {
  const value = raw.trim();
  if (value === "") return { kind: "ignored" };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && ["javascript", "vbscript", "data"].includes(scheme)) return { kind: "unsafe", scheme };
  if (scheme && !["http", "https"].includes(scheme)) return { kind: "ignored" };

  // Resolve against a stand-in origin so relative, root-relative and absolute URLs read alike.
  const local = "http://site.invalid";
  const page = new URL(site.base + fromPath, local);
  let url: URL;
  try {
    url = new URL(value, page);
  } catch {
    return { kind: "unsafe", scheme: "malformed" };
  }
  if (url.origin !== local) {
    if (site.origin === undefined || url.origin !== site.origin) return { kind: "external" };
  }
  const path = safeDecode(url.pathname);
  if (!path.startsWith(site.base) && `${path}/` !== site.base) return { kind: "outside-base", path };
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : undefined;
  return { kind: "internal", target: { path: path.slice(site.base.length), fragment } };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
