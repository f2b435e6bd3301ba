/**
 * `npm start`: build when the site is missing or older than its sources, then serve
 * the production build (search included) on http://localhost:4321, or $PORT.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { contentRoot } from "../src/lib/contentRoot.ts";

// The same output folder astro.config.mjs uses, so `astro preview` serves what was checked.
const outDir = process.env["ARCHIVE_OUT_DIR"] || "dist";
const built = join(outDir, "index.html");
const inputs = ["src", "public", contentRoot(), "astro.config.mjs", "package.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", shell: false, env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env["PORT"] ?? "4321";
const host = process.env["HOST"] ?? "localhost";
const stale = !existsSync(built) || Math.max(...inputs.map(newestMtime)) > statSync(built).mtimeMs;
if (stale) {
  console.log("Building the site (sources changed since the last build)...");
  // A local build, its links on the address served below (SITE_URL, when set, wins).
  run("npm", ["run", "build"], { ARCHIVE_LOCAL: `http://${host}:${port}`, ...process.env });
} else {
  console.log(`${outDir}/ is up to date; serving it.`);
}
run("npx", ["astro", "preview", "--port", port, "--host", host]);
