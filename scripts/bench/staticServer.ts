/**
 * A minimal static file server for the bench's temp dist/: gzip for text like any static host
 * (Pagefind's index files are already compressed and go out as they are), and a blank page
 * to load Pagefind from, so the bytes counted are search's alone.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".xml", ".svg"]);

/** The page the bench loads Pagefind into. */
export const BLANK_PAGE = "/__bench__/";

/** Serves `root` on 127.0.0.1:`port` until `close()`d. */
export async function serveStatic(root: string, port: number): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => void respond(request, response));
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (path === BLANK_PAGE) {
      response.writeHead(200, { "content-type": TYPES[".html"] ?? "text/html" });
      response.end('<!doctype html><html lang="en"><title>bench</title><body></body></html>');
      return;
    }
    let file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ""));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      await stat(file);
    } catch {
      response.writeHead(404).end("not found");
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "cache-control": "no-cache",
    };
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (gzip) headers["content-encoding"] = "gzip";
    response.writeHead(200, headers);
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
