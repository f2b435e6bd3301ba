import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { lookup } from "mrmime";
import sirv from "sirv";
import { headersFor, parseHeadersFile } from "./headersFile.ts";

// Instructions for the host, not pages: static hosts do not serve them either.
const HOST_FILES = new Set(["_headers", "_redirects"]);

// Text types go out with their charset, so no browser has to guess (and no sniffing is needed).
const TEXT = /^(text\/|application\/(javascript|json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/**
 * The production server for the built site `dir` under `base` ("/" or "/archive/"), on Node's http
 * and sirv (docs/reliability.md, "npm start"). sirv looks each file up when asked (its `dev` mode,
 * so a rebuild swapped in under a running server is served whole) and refuses any path that
 * normalises outside `dir`. Every response gets the `_headers` file's headers, re-read when it changes.
 */
export function createSiteServer(dir: string, base: string): Server {
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
    for (const [name, value] of headersFor(headersFile() ?? [], urlPath)) response.setHeader(name, value);
  }

  function notFound(response: ServerResponse, urlPath: string, status = 404): void {
    sendHeaders(response, urlPath);
    const page = status === 404 ? notFoundFile() : undefined;
    response.writeHead(status, {
      "Cache-Control": "no-cache",
      "Content-Type": `${page ? "text/html" : "text/plain"}; charset=utf-8`,
    });
    response.end(page ?? (status === 404 ? "Not found\n" : "Bad request\n"));
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
    // The folder's path below the base without any `..` segment, used only to look for its index.html.
    const folder = decoded
      .slice(base.length)
      .split("/")
      .filter((segment) => segment !== ".." && segment !== ".");
    if (last !== "" && !last.includes(".") && existsSync(join(dir, ...folder, "index.html"))) {
      response.writeHead(301, { Location: `${urlPath}/${url.search}` }).end();
      return;
    }
    sendHeaders(response, urlPath);
    request.url = `/${urlPath.slice(base.length)}${url.search}`;
    files(request, response, () => notFound(response, urlPath));
  });
}

/** A file's parsed contents, read again only when its modification time changes; undefined when missing. */
function cachedFile<T>(path: string, parse: (bytes: Buffer) => T): () => T | undefined {
  let seen: { mtimeMs: number; value: T } | undefined;
  return () => {
    const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return undefined;
    if (seen?.mtimeMs !== mtimeMs) seen = { mtimeMs, value: parse(readFileSync(path)) };
    return seen.value;
  };
}
