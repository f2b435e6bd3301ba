import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Variables Vite and Vitest put into the test process; a child build must not inherit them. */
const TEST_RUNNER_ENV = /^(ASSETS_PREFIX|BASE_URL|DEV|MODE|NODE_ENV|PROD|SITE|SSR|TEST|VITEST.*)$/;
const LOCK_WAIT_MS = 10 * 60_000;

/**
 * Builds the site into `outDir` with extra environment (ARCHIVE_CONTENT_DIR, BASE_PATH,
 * SITE_URL). The content cache goes next to `outDir`: Astro's cache keys entries by id and
 * digest, so a fixture sharing ids with the real content would otherwise pick up stale paths.
 * Builds of one checkout still share `.astro/`, so test files take turns through a lock.
 */
export async function buildSite(outDir: string, env: Record<string, string>): Promise<void> {
  const project = resolve(".");
  await withBuildLock(() =>
    run(process.execPath, [join(project, "node_modules/astro/bin/astro.mjs"), "build", "--outDir", outDir], {
      cwd: project,
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !TEST_RUNNER_ENV.test(key))),
        ARCHIVE_CACHE_DIR: `${outDir}-cache`,
        // A test build is local unless the test gives SITE_URL.
        ARCHIVE_LOCAL: "1",
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`astro build failed:\n${error.stderr ?? ""}\n${(error.stdout ?? "").slice(-4000)}`);
    }),
  );
}

/**
 * Runs `work` holding this checkout's build lock: builds of one checkout share `.astro/`
 * (Astro's prerender bundle and content module list), so test files that build take turns.
 */
export async function withBuildLock<T>(work: () => T | Promise<T>): Promise<T> {
  const project = resolve(".");
  const lock = join(tmpdir(), `astro-build-lock-${createHash("sha1").update(project).digest("hex").slice(0, 12)}`);
  await acquire(lock);
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      return;
    } catch {
      // A lock older than the longest build was left by a killed run.
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > LOCK_WAIT_MS) await rm(lock, { recursive: true, force: true });
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`Timed out waiting for build lock ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
