/**
 * `npm start`: build when the site is missing or older than its sources, then serve the
 * production build (search included) on http://localhost:4321, or $HOST:$PORT, under
 * $BASE_PATH, with the headers of its `_headers` file. Ctrl-C or SIGTERM stops the server and
 * any build it started, and exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { contentRoot } from "../src/lib/contentRoot.ts";
import { outputPaths } from "./pipeline/outputSwap.ts";
import { displayPath } from "./preflight/problems.ts";
import { normaliseBase } from "./integrity/siteUrls.ts";
import { createSiteServer } from "./server/siteServer.ts";

const { live } = outputPaths();
let building: ChildProcess | undefined;
let stopping = false;

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  // The build handles the signal itself: it stops Astro and cleans up its staging folder.
  if (building && building.exitCode === null) building.kill(signal);
  else process.exit(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function build(): Promise<void> {
  return new Promise((resolve) => {
    // A local build, its links on the address served below (SITE_URL, when set, wins).
    const origin = `http://${process.env["HOST"] || "localhost"}:${process.env["PORT"] || 4321}`;
    building = spawn(process.execPath, ["tools/build.ts"], {
      stdio: "inherit",
      env: { ARCHIVE_LOCAL: origin, ...process.env },
    });
    building.on("exit", (code, signal) => {
      if (stopping) process.exit(0);
      if (code !== 0) process.exit(code ?? (signal ? 1 : 0));
      resolve();
    });
  });
}

let root: string;
try {
  root = contentRoot();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const built = join(live, "index.html");
const inputs = ["src", "public", root, "astro.config.mjs", "package.json"];
const stale = !existsSync(built) || Math.max(...inputs.map(newestMtime)) > statSync(built).mtimeMs;
if (stale) {
  console.log("Building the site (sources changed since the last build)...");
  await build();
} else {
  console.log(`${displayPath(live)}/ is up to date; serving it.`);
}

const port = Number(process.env["PORT"] || 4321);
const host = process.env["HOST"] || "localhost";
const base = normaliseBase(process.env["BASE_PATH"]);
const server = createSiteServer(live, base);
server.on("error", (error: NodeJS.ErrnoException) => {
  const why = error.code === "EADDRINUSE" ? `port ${port} is in use; stop what runs there or set PORT` : error.message;
  console.error(`Cannot serve ${displayPath(live)}/: ${why}.`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Serving ${displayPath(live)}/ at http://${host}:${port}${base} (Ctrl-C to stop).`);
});
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    // Keep-alive sockets mid-response get a moment; then the process goes regardless.
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
