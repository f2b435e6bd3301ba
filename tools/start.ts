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
import { normaliseBase } from "./integrity/siteUrls.ts";
import { outputPaths } from "./pipeline/outputSwap.ts";
import { displayPath } from "./preflight/problems.ts";
import { createSiteServer } from "./server/siteServer.ts";

const { live } = outputPaths();
const port = Number(process.env["PORT"] || 4321);
const host = process.env["HOST"] || "localhost";
let building: ChildProcess | undefined;
let stopping = false;
let stop = (signal: NodeJS.Signals): void => {
  stopping = true;
  // The build handles the signal itself: it stops Astro and cleans up its staging folder.
  if (building?.exitCode === null) building.kill(signal);
  else process.exit(0);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));

/** The newest modification time of a file, or of a folder and everything in it; 0 when missing. */
function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return stat?.mtimeMs ?? 0;
  const below = readdirSync(path, { recursive: true, encoding: "utf8" });
  return Math.max(stat.mtimeMs, ...below.map((name) => statSync(join(path, name)).mtimeMs));
}

const built = join(live, "index.html");
const inputs = ["src", "public", contentRoot(), "astro.config.mjs", "package.json"];
if (!existsSync(built) || Math.max(...inputs.map(newestMtime)) > statSync(built).mtimeMs) {
  console.log("Building the site (sources changed since the last build)...");
  // A local build, its links on the address served below (SITE_URL, when set, wins).
  building = spawn(process.execPath, ["tools/build.ts"], {
    stdio: "inherit",
    env: { ARCHIVE_LOCAL: `http://${host}:${port}`, ...process.env },
  });
  const code = await new Promise<number | null>((resolve) => building?.on("exit", resolve));
  if (stopping || code !== 0) process.exit(stopping ? 0 : (code ?? 1));
} else {
  console.log(`${displayPath(live)}/ is up to date; serving it.`);
}

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
stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  // Keep-alive sockets mid-response get a moment; then the process goes regardless.
  setTimeout(() => process.exit(0), 2_000).unref();
};
