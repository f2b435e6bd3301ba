/**
 * Attacks on `npm start` (tools/start.ts), run as a real process against a small built-site
 * folder: encoded traversal, a proxy's Host header, the base path, headers and caching, and
 * signals, with and without a build in progress. No Astro build runs.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headersFile } from "../../../src/security/policy.ts";
import { startScript, until } from "../../support/buildScript.ts";

const work = mkdtempSync(join(tmpdir(), "archive-attack-start-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built site as the build leaves it, for base `base`; written after the sources, so it is fresh. */
function site(name: string, base: string): string {
  const dir = join(work, name);
  const files: Record<string, string> = {
    "index.html": "<!doctype html><title>Home</title>",
    "stories/index.html": "<!doctype html><title>Stories</title>",
    "404.html": "<!doctype html><title>Not found</title><h1>This page is not in the archive</h1>",
    "_astro/app.1a2b3c.js": "console.log(1)",
    "rss.xml": "<rss/>",
    _headers: headersFile(base, {}),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(work, "package.json"), '{"secret": true}');
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw GET: the path goes out exactly as written (no URL normalisation), with any Host. */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function serve(dir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = startScript("tools/start.ts", [], {
    ARCHIVE_OUT_DIR: dir,
    PORT: String(port),
    HOST: "127.0.0.1",
    ...env,
  });
  await until(() => /Serving /.test(server.output()), 30_000, "the server to start");
  return { port, ...server };
}

describe("attack: npm start", () => {
  let port: number;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(site("root", "/"));
    port = server.port;
  });
  afterAll(() => server.child.kill("SIGKILL"));

  it("sends the security headers of _headers, with charset, on every page", async () => {
    const reply = await get(port, "/stories/");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^text\/html; ?charset=utf-8$/);
    expect(reply.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(reply.headers["content-security-policy"]).toMatch(/img-src 'self' data:;/);
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["x-frame-options"]).toBe("DENY");
    expect(reply.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(reply.headers["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(reply.headers["cache-control"]).toBe("no-cache");
    expect((await get(port, "/rss.xml")).headers["content-type"]).toMatch(/xml; charset=utf-8$/);
  });

  it("caches hashed assets for a year and pages not at all", async () => {
    const reply = await get(port, "/_astro/app.1a2b3c.js");
    expect(reply.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(reply.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  });

  it("answers any Host header, as a reverse proxy sends its own", async () => {
    expect((await get(port, "/", "archive.example.org")).status).toBe(200);
    expect((await get(port, "/", "evil.example:8080")).status).toBe(200);
  });

  it("answers encoded traversal with the 404 page or a 400, never a file outside the site or a stack", async () => {
    for (const path of [
      "/stories/..%2f..%2fpackage.json",
      "/stories/%2e%2e/%2e%2e/package.json",
      "/%2e%2e%2f%2e%2e%2fpackage.json",
      "/../package.json",
      "/stories/..%5c..%5cpackage.json",
      "/%c0%ae%c0%ae/package.json",
      "/%00",
      "/%zz",
      "/_headers",
    ]) {
      const reply = await get(port, path);
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toMatch(/secret|at .+:\d+:\d+|Error/);
      expect(reply.headers["content-security-policy"], path).toMatch(/default-src 'self'/);
    }
    const missing = await get(port, "/no/such/page/");
    expect(missing.status).toBe(404);
    expect(missing.body).toContain("This page is not in the archive");
  });

  it("redirects a folder URL without its slash, and refuses other methods", async () => {
    const reply = await get(port, "/stories");
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe("/stories/");
    const post = await new Promise<number>((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: "/", method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.end("x");
    });
    expect(post).toBe(405);
  });
});

describe("attack: a rebuild swapped in under a running npm start", () => {
  it("serves the new files whole, and the new 404 page", async () => {
    const dir = site("swapped", "/");
    const server = await serve(dir);
    try {
      expect((await get(server.port, "/stories/")).body).toContain("<title>Stories</title>");
      // What the build's swap does: the old folder moves aside, the new one takes its name.
      renameSync(dir, `${dir}-previous`);
      mkdirSync(join(dir, "stories"), { recursive: true });
      writeFileSync(join(dir, "stories/index.html"), "<!doctype html><title>Stories, rebuilt with more</title>");
      writeFileSync(join(dir, "404.html"), "<!doctype html><title>New 404</title>");
      writeFileSync(join(dir, "_headers"), headersFile("/", {}));
      const reply = await get(server.port, "/stories/");
      expect(reply.status).toBe(200);
      expect(reply.body).toBe("<!doctype html><title>Stories, rebuilt with more</title>");
      expect((await get(server.port, "/_astro/app.1a2b3c.js")).status).toBe(404);
      expect((await get(server.port, "/gone/")).body).toContain("New 404");
    } finally {
      server.child.kill("SIGKILL");
    }
  });
});

describe("attack: npm start under a base path", () => {
  it("serves the site under BASE_PATH only, and sends / there", async () => {
    const server = await serve(site("sub", "/archive/"), { BASE_PATH: "/archive" });
    try {
      expect((await get(server.port, "/archive/stories/")).status).toBe(200);
      const root = await get(server.port, "/");
      expect(root.status).toBe(302);
      expect(root.headers.location).toBe("/archive/");
      expect((await get(server.port, "/stories/")).status).toBe(404);
      expect((await get(server.port, "/archive/_astro/app.1a2b3c.js")).headers["cache-control"]).toMatch(/immutable/);
    } finally {
      server.child.kill("SIGKILL");
    }
  });
});

describe("attack: stopping npm start", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`exits cleanly on ${signal} and frees its port`, async () => {
      const server = await serve(site(`stop-${signal}`, "/"));
      // An open keep-alive connection must not hold the process.
      await get(server.port, "/");
      server.child.kill(signal);
      expect(await server.exited).toBe(0);
      const again = createServer();
      await new Promise<void>((resolve, reject) => {
        again.once("error", reject);
        again.listen(server.port, "127.0.0.1", () => again.close(() => resolve()));
      });
    });
  }

  it("stops the build it started, and the build's own processes, on SIGTERM", async () => {
    const content = join(work, "content");
    mkdirSync(join(content, "stories"), { recursive: true });
    const out = join(work, "never-built");
    // A running build holds the output's lock, so the build npm start begins waits: it is alive.
    const holder = spawn("sleep", ["60"]);
    writeFileSync(join(work, ".never-built.lock"), JSON.stringify({ pid: holder.pid, started: "now" }));
    const port = await freePort();
    const start = startScript("tools/start.ts", [], {
      ARCHIVE_OUT_DIR: out,
      ARCHIVE_CONTENT_DIR: content,
      PORT: String(port),
    });
    try {
      await until(() => /Waiting for another build/.test(start.output()), 30_000, "the build to wait");
      const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(start.child.pid)], { encoding: "utf8" })
        .split("\n")
        .map((pid) => Number(pid.trim()))
        .filter((pid) => pid > 0);
      expect(children).toHaveLength(1);
      start.child.kill("SIGTERM");
      expect(await start.exited).toBe(0);
      for (const pid of children) await until(() => !alive(pid), 10_000, `build process ${pid} to end`);
    } finally {
      holder.kill();
      start.child.kill("SIGKILL");
    }
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
