import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The project's Node (24); the system one may be too old for Astro. */
export const projectNode = existsSync("node_modules/.bin/node") ? "node_modules/.bin/node" : process.execPath;

/** Variables Vite and Vitest put into the test process; a child build must not inherit them. */
const TEST_RUNNER_ENV = /^(ASSETS_PREFIX|BASE_URL|DEV|MODE|NODE_ENV|PROD|SITE|SSR|TEST|VITEST.*)$/;

/** The environment without what the test runner adds, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.entries(process.env).filter(([key]) => !TEST_RUNNER_ENV.test(key));
  // A local build: these tests never publish, and a build without SITE_URL must say it is local.
  return { ...Object.fromEntries(clean), ARCHIVE_LOCAL: "1", ASTRO_TELEMETRY_DISABLED: "1", ...extra };
}

/** Runs a project script (e.g. tools/build.ts) to the end, optionally as another user or in another folder. */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  as?: { uid: number; gid: number },
  cwd?: string,
): SpawnSyncReturns<string> {
  return spawnSync(resolve(projectNode), [resolve(script), ...args], {
    encoding: "utf8",
    env: childEnv(env),
    ...(as ?? {}),
    ...(cwd ? { cwd } : {}),
  });
}

/** Starts a project script and collects its output as it comes. */
export function startScript(script: string, args: readonly string[], env: Record<string, string>) {
  const child = spawn(projectNode, [script, ...args], { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Resolves once `test()` holds, polling; rejects after `timeoutMs`. */
export async function until(test: () => boolean, timeoutMs = 30_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
