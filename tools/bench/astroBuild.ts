/**
 * Child-process entry for the bench: runs Astro's real build of this repository with the
 * output and cache redirected to the bench's temp folder, and records when each build hook
 * fired so the bench can split the time into phases without parsing logs.
 *
 * Environment: BENCH_OUT_DIR, BENCH_CACHE_DIR, BENCH_PHASES_FILE (all absolute paths),
 * optional BENCH_CONCURRENCY and BENCH_ASTRO_CONFIG (JSON merged into the config, for trying a setting
 * before committing it); ARCHIVE_CONTENT_DIR selects the corpus as in a normal build.
 */
import { writeFileSync } from "node:fs";
import { build } from "astro";
import type { AstroIntegration, AstroInlineConfig } from "astro";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`tools/bench/astroBuild.ts: ${name} must be set (the bench sets it).`);
  return value;
}

const phasesFile = required("BENCH_PHASES_FILE");
const marks: Record<string, number> = { processStart: performance.timeOrigin };
const mark = (name: string) => {
  marks[name] = Date.now();
};

/** Hooks run in integration order; this one is appended last, so `astro:build:done` marks the end of every other integration's work (Pagefind, sitemap, feeds). */
const phaseTimer: AstroIntegration = {
  name: "bench-phase-timer",
  hooks: {
    "astro:config:setup": () => mark("configSetup"),
    "astro:config:done": () => mark("configDone"),
    "astro:build:start": () => mark("buildStart"),
    "astro:build:ssr": () => mark("bundled"),
    "astro:build:generated": () => mark("generated"),
    "astro:build:done": () => mark("buildDone"),
  },
};

const concurrency = Number(process.env["BENCH_CONCURRENCY"] ?? "");
const extra = JSON.parse(process.env["BENCH_ASTRO_CONFIG"] || "{}") as AstroInlineConfig;
const inline: AstroInlineConfig = {
  ...extra,
  outDir: required("BENCH_OUT_DIR"),
  cacheDir: required("BENCH_CACHE_DIR"),
  integrations: [phaseTimer],
  ...(Number.isInteger(concurrency) && concurrency > 0 ? { build: { concurrency } } : {}),
};

// V8 heap against the whole RSS over time: what the heap does not explain is native memory
// (Rolldown, Sätteri, buffers), which a heap limit cannot cap.
const memory: [number, number, number, number][] = [];
const sampler = setInterval(() => {
  const { rss, heapUsed, external } = process.memoryUsage();
  memory.push([Date.now(), rss, heapUsed, external]);
}, 500);
sampler.unref();

try {
  await build(inline);
} finally {
  mark("exit");
  clearInterval(sampler);
  writeFileSync(phasesFile, JSON.stringify({ ...marks, memory }));
}
