import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};
// Pagefind's index files are compressed already and go out as they are, as on any static host.
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"]);

/** A running static server and how to stop it. */
export interface StaticSite {
  /** The site's URL with a trailing slash, base included: "http://127.0.0.1:4416/archive/". */
  url: string;
  /** The same without the slash, for joining paths: "http://127.0.0.1:4416". */
  origin: string;
  close(): Promise<void>;
}

/** How to serve: a fixed port (default: one the OS picks), a base path, gzip for text, extra pages by path. */
export interface ServeOptions {
  port?: number;
  /** The path the site was built for ("/archive/"); `url` ends with it. Default "/". */
  base?: string;
  gzip?: boolean;
  pages?: Record<string, string>;
}

/**
 * Serves a built site folder on 127.0.0.1 until `close()`: tests open a second build (e.g. from a
 * temporary content root) at an OS-chosen port; the bench serves its build gzipped on a fixed
 * port, with a blank page to load Pagefind into.
 */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticSite> {
  const base = options.base ?? "/";
  const server: Server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (!requested.startsWith(base)) {
      response.writeHead(404).end("Outside the site's base path");
      return;
    }
    const path = `/${requested.slice(base.length)}`;
    const page = options.pages?.[path];
    if (page !== undefined) {
      response.writeHead(200, { "content-type": TYPES[".html"]! }).end(page);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": TYPES[".html"]! });
      const notFound = join(root, "404.html");
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("Not found");
      return;
    }
    const ext = extname(file);
    const gzip =
      options.gzip === true &&
      COMPRESSIBLE.has(ext) &&
      /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(200, {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "cache-control": "no-cache",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
