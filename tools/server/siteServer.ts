import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { lookup } from "mrmime";
import sirv from "sirv";
import { headersFor, parseHeadersFile, type HeaderRule } from "./headersFile.ts";

/** What to serve and under which path. */
export interface SiteServerOptions {
  /** The built site (dist/). */
  dir: string;
  /** The base path the site was built for, with slashes at both ends: "/" or "/archive/". */
  base: string;
}

// Instructions for the host, not pages: static hosts do not serve them either.
const HOST_FILES = new Set(["_headers", "_redirects"]);

// Text types go out with their charset, so no browser has to guess (and no sniffing is needed).
const TEXT = /^(text\/|application\/(javascript|json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/** "/archive" or "archive/" -> "/archive/"; empty -> "/". */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * A production server for the built site, on Node's http and sirv. sirv looks each file up when
 * it is asked for (its `dev` mode: a rebuild swapped in under a running server is served whole,
 * never with the old file list and lengths) and refuses any path that normalises outside `dir`,
 * so no URL, however encoded, reaches another file. Every response gets the headers of the
 * build's `_headers` file (the same file static hosts read, re-read when it changes), text gets
 * `charset=utf-8`, hashed assets under `_astro/` are cached for a year, a folder URL without its
 * slash is redirected, and anything else gets the site's 404 page with status 404. Any Host
 * header is accepted, as a reverse proxy sends its own.
 */
export function createSiteServer(options: SiteServerOptions): Server {
  const { dir, base } = options;
  const headersFile = cachedFile(join(dir, "_headers"), (bytes) => parseHeadersFile(bytes.toString("utf8")));
  const notFoundFile = cachedFile(join(dir, "404.html"), (bytes) => bytes);
  const files = sirv(dir, {
    dev: true,
    etag: true,
    extensions: ["html"],
    dotfiles: false,
    setHeaders: (response, pathname) => {
      const type = lookup(pathname);
      if (type && TEXT.test(type)) response.setHeader("Content-Type", `${type}; charset=utf-8`);
      if (!pathname.startsWith("/_astro/")) response.setHeader("Cache-Control", "no-cache");
    },
  });

  function sendHeaders(response: ServerResponse, urlPath: string): void {
    const rules: HeaderRule[] = headersFile() ?? [];
    for (const [name, value] of headersFor(rules, urlPath)) response.setHeader(name, value);
  }

  function notFound(response: ServerResponse, urlPath: string, status = 404): void {
    sendHeaders(response, urlPath);
    response.statusCode = status;
    response.setHeader("Cache-Control", "no-cache");
    const notFoundPage = notFoundFile();
    if (notFoundPage && status === 404) {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(notFoundPage);
    } else {
      response.setHeader("Content-Type", "text/plain; charset=utf-8");
      response.end(status === 404 ? "Not found\n" : "Bad request\n");
    }
  }

  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://site.invalid");
    const urlPath = url.pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response
        .writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" })
        .end("Method not allowed\n");
      return;
    }
    if (base !== "/" && (urlPath === "/" || `${urlPath}/` === base)) {
      response.writeHead(302, { Location: base }).end();
      return;
    }
    if (!urlPath.startsWith(base) || HOST_FILES.has(urlPath.slice(base.length))) return notFound(response, urlPath);
    // A path that does not decode is a bad request; a NUL or backslash never names a file here.
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return notFound(response, urlPath, 400);
    }
    if (/[\0\\]/.test(decoded)) return notFound(response, urlPath, 400);
    const last = urlPath.slice(urlPath.lastIndexOf("/") + 1);
    if (last !== "" && !last.includes(".") && existsSync(join(dir, decodedInside(decoded, base), "index.html"))) {
      response.writeHead(301, { Location: `${urlPath}/${url.search}` }).end();
      return;
    }
    sendHeaders(response, urlPath);
    request.url = `/${urlPath.slice(base.length)}${url.search}`;
    files(request, response, () => notFound(response, urlPath));
  });
}

/** The decoded path below the base, with every `..` segment dropped (used only for the slash redirect). */
function decodedInside(decoded: string, base: string): string {
  return decoded
    .slice(base.length)
    .split("/")
    .filter((segment) => segment !== ".." && segment !== ".")
    .join("/");
}

/** A file's parsed contents, read again only when its modification time changes; undefined when missing. */
function cachedFile<T>(path: string, parse: (bytes: Buffer) => T): () => T | undefined {
  let seen: { mtimeMs: number; value: T } | undefined;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    if (seen?.mtimeMs !== mtimeMs) seen = { mtimeMs, value: parse(readFileSync(path)) };
    return seen.value;
  };
}
