/**
 * Child-process entry for the bench: Astro's real build into BENCH_OUT_DIR with BENCH_CACHE_DIR, writing
 * to BENCH_PHASES_FILE when each build hook fired and the V8 heap over time (for the phase table).
 */
import { writeFileSync } from "node:fs";
import { build } from "astro";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`tools/bench/astroBuild.ts: ${name} must be set (the bench sets it).`);
  return value;
}

const phasesFile = required("BENCH_PHASES_FILE");
const marks: Record<string, number> = { processStart: performance.timeOrigin };
/** A hook that stamps the time under `name`. */
const mark = (name: string) => () => {
  marks[name] = Date.now();
};
// The V8 heap over time: what it does not explain of the RSS is native memory (Rolldown, Sätteri,
// buffers), which a heap limit cannot cap.
const memory: [number, number][] = [];
const sampler = setInterval(() => memory.push([Date.now(), process.memoryUsage().heapUsed]), 500);
try {
  await build({
    outDir: required("BENCH_OUT_DIR"),
    cacheDir: required("BENCH_CACHE_DIR"),
    // Appended last, so `astro:build:done` marks the end of every other integration's work.
    integrations: [
      {
        name: "bench-phase-timer",
        hooks: {
          "astro:config:done": mark("configDone"),
          "astro:build:start": mark("buildStart"),
          "astro:build:generated": mark("generated"),
          "astro:build:done": mark("buildDone"),
        },
      },
    ],
  });
} finally {
  marks["exit"] = Date.now();
  clearInterval(sampler);
  writeFileSync(phasesFile, JSON.stringify({ ...marks, memory }));
}
