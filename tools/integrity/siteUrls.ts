/** Where the site lives: its sub-path ("/" or "/archive/", both slashes) and origin (undefined without `site`). */
export interface SiteLocation {
  base: string;
  origin: string | undefined;
}

/** A URL into the built site: the path under the base ("stories/x/", "rss.xml", "" for home) and the decoded #fragment. */
export interface InternalTarget {
  path: string;
  fragment: string | undefined;
}

export type ClassifiedUrl =
  | { kind: "internal"; target: InternalTarget }
  | { kind: "outside-base"; path: string }
  | { kind: "external" }
  | { kind: "unsafe"; scheme: string }
  | { kind: "ignored" };

/** A base path as Astro uses it, with both slashes: "/archive" or "archive/" -> "/archive/"; empty -> "/". */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** The URL path (under the base) a built HTML file is served at: "stories/x/index.html" -> "stories/x/". */
export const pagePath = (file: string): string => (file === "index.html" ? "" : file.replace(/\/index\.html$/, "/"));

/** The built file a site path is served from: "stories/x/" -> "stories/x/index.html", "" -> "index.html". */
export const fileOf = (path: string): string => (path === "" || path.endsWith("/") ? `${path}index.html` : path);

/**
 * Sorts a URL found on the page at `fromPath` into: a target inside the site (to be checked),
 * a site path outside `base`, another site, a script-capable scheme, or something not to check.
 * `#fragment` and plain root-relative links (most links) are read without building URL objects.
 */
export function classifyUrl(raw: string, fromPath: string, site: SiteLocation): ClassifiedUrl {
  // As browsers do: tabs and newlines vanish anywhere, controls and spaces at the ends.
  // eslint-disable-next-line no-control-regex -- browsers strip these control characters from URLs
  const value = raw.replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "");
  if (value === "") return { kind: "ignored" };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && UNSAFE_SCHEMES.has(scheme)) return { kind: "unsafe", scheme };
  if (scheme && scheme !== "http" && scheme !== "https") return { kind: "ignored" };
  if (value.startsWith("#"))
    return { kind: "internal", target: { path: fromPath, fragment: safeDecode(value.slice(1)) } };
  if (PLAIN_ROOT_RELATIVE.test(value)) {
    const hashAt = value.indexOf("#");
    const beforeHash = hashAt === -1 ? value : value.slice(0, hashAt);
    const queryAt = beforeHash.indexOf("?");
    const path = safeDecode(queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt));
    return withinBase(path, hashAt === -1 ? undefined : safeDecode(value.slice(hashAt + 1)), site);
  }

  // Everything else is resolved against a stand-in origin, so relative and absolute URLs read alike.
  // The site's own scheme, so a protocol-relative //host link reads as it would on the live site.
  const local = `${site.origin?.startsWith("https:") ? "https" : "http"}://site.invalid`;
  const url = URL.parse(value, URL.parse(site.base + fromPath, local) ?? "");
  if (!url) return { kind: "unsafe", scheme: "malformed" };
  if (url.origin !== local && (site.origin === undefined || url.origin !== site.origin)) return { kind: "external" };
  return withinBase(safeDecode(url.pathname), url.hash ? safeDecode(url.hash.slice(1)) : undefined, site);
}

const UNSAFE_SCHEMES = new Set(["javascript", "vbscript", "data"]);
// "/a/b?q#f" with no "//" host, no "." or ".." segments and no backslashes: the path is the text.
const PLAIN_ROOT_RELATIVE = /^\/(?!\/)(?![^?#]*(?:\/\.\.?(?:[/?#]|$)|\\))/;

function withinBase(path: string, fragment: string | undefined, site: SiteLocation): ClassifiedUrl {
  if (!path.startsWith(site.base)) return { kind: "outside-base", path };
  return { kind: "internal", target: { path: path.slice(site.base.length), fragment } };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
