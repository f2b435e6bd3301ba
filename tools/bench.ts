/**
 * `npm run bench -- --stories N`: time, memory, sizes and search speed of the real build of a synthetic
 * archive, beside Hugo + Pagefind when installed; results go to BENCHMARKS.md (docs/performance.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { INDEX_AFTER_ASTRO_ENV, PAGES_PER_SHARD, PAGES_PER_SHARD_ENV } from "../src/integrations/pagefind.ts";
import { benchQueries, writeCorpus } from "./bench/generateCorpus.ts";
import { hugoVersion, writeHugoSite } from "./bench/hugoSite.ts";
import { measureCommand, type Measured } from "./bench/processTree.ts";
import { formatBytes, markdownSection, targetChecks, updateBenchmarksFile, type SiteRun } from "./bench/report.ts";
import { measureSearch } from "./bench/searchInBrowser.ts";
import { siteSizes } from "./bench/sizes.ts";

const USAGE = `Usage: npm run bench -- --stories N [options]
  --stories N        stories to generate (default 100)
  --ext md|mdx       file format of the stories (default mdx, what the importer writes)
  --port P           port for the search measurement (default 4416)
  --no-index --no-hugo --no-browser --no-write   skip the search index, the Hugo reference, the browser, BENCHMARKS.md
  --keep             keep the temp folder (corpus, dist, logs)`;

const { values } = parseArgs({
  options: {
    stories: { type: "string", default: "100" },
    ext: { type: "string", default: "mdx" },
    port: { type: "string", default: "4416" },
    "no-index": { type: "boolean", default: false },
    "no-hugo": { type: "boolean", default: false },
    "no-browser": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

const stories = Number(values.stories);
if (values.help || !Number.isInteger(stories) || stories < 1 || !["md", "mdx"].includes(values.ext)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const repo = resolve(import.meta.dirname, "..");
/** The corpus seed: every run of a size measures the same text. */
const SEED = "staff-archive";
const work = await mkdtemp(join(tmpdir(), `staff-archive-bench-${stories}-`));
const log = (message: string) => console.log(`[bench] ${message}`);
/** A JSON file's value, or `fallback` when there is no such file. */
const readJson = <T>(path: string, fallback: T): T =>
  existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : fallback;

/** Runs and measures one step, its output in `logName`; a failing step ends the bench with the log's tail. */
async function step(what: string, command: string, args: string[], logName: string, env = process.env) {
  const logFile = join(work, logName);
  log(`${what} (log: ${logFile})`);
  const run = await measureCommand(command, args, { cwd: repo, env, logFile });
  if (run.exitCode === 0) return run;
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
  console.error(`[bench] ${what} failed (exit ${run.exitCode}). Last lines of ${logFile}:\n${tail}`);
  process.exit(1);
}

/** The build's phases: hook marks (astroBuild.ts) at the edges, ASTRO_TIMER_PATH stats in the middle. */
function phasesOf(marksFile: string, timerFile: string, run: Measured): SiteRun["phases"] {
  const { memory = [], ...marks } = readJson<Record<string, number> & { memory?: [number, number][] }>(marksFile, {});
  const timers = readJson<Record<string, { elapsedTime: number }>>(timerFile, {});
  const ms = (key: string) => timers[key]?.elapsedTime ?? 0;
  const { processStart, configDone, buildStart, generated, buildDone, exit } = marks;
  // setup() creates Vite, then syncs the content layer last; the bundles are built next, then pages rendered.
  const syncStart = buildStart === undefined ? undefined : buildStart - ms("Sync content layer");
  const bundled =
    buildStart === undefined ? undefined : buildStart + ms("Prerender build") + ms("SSR build") + ms("Client build");
  const spans: [string, number | undefined, number | undefined][] = [
    ["startup + config", processStart, configDone],
    ["Vite setup", configDone, syncStart],
    ["content sync", syncStart, buildStart],
    ["bundle", buildStart, bundled],
    ["render pages", bundled, generated],
    ["build:done hooks (index, sitemap, feeds)", generated, buildDone],
    ["exit", buildDone, exit],
  ];
  const peakIn = (series: [number, number][], a: number, b: number) =>
    series.filter(([t]) => t >= a && t <= b).reduce((max, [, v]) => Math.max(max, v), 0);
  return spans.flatMap(([name, a, b]) =>
    a === undefined || b === undefined
      ? []
      : [{ name, seconds: (b - a) / 1000, peakRss: peakIn(run.samples, a, b), peakHeap: peakIn(memory, a, b) }],
  );
}

/** Astro's build as `npm run build` runs it: Astro in a child process, then the search index once it has exited. */
async function runAstro(contentRoot: string): Promise<SiteRun> {
  const dist = join(work, "dist");
  const marksFile = join(work, "astro-phases.json");
  const timerFile = join(work, "astro-timer.json");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ARCHIVE_CONTENT_DIR: contentRoot,
    [INDEX_AFTER_ASTRO_ENV]: "1",
    BENCH_OUT_DIR: dist,
    BENCH_CACHE_DIR: join(work, "astro-cache"),
    BENCH_PHASES_FILE: marksFile,
    ASTRO_TIMER_PATH: timerFile,
    SITE_URL: `http://127.0.0.1:${values.port}`,
  };
  delete env["BASE_PATH"];
  const node = process.execPath;
  const build = await step(
    `astro build of ${stories} stories`,
    node,
    [join(repo, "tools/bench/astroBuild.ts")],
    "astro-build.log",
    env,
  );
  const perShard = process.env[PAGES_PER_SHARD_ENV] || PAGES_PER_SHARD;
  const how = `Pagefind command line per shard after Astro exits, as npm run build does, an index per ${perShard} pages`;
  const index = values["no-index"]
    ? undefined
    : await step(`indexing (${how})`, node, [join(repo, "tools/bench/indexSite.ts"), dist], "astro-pagefind.log");
  return {
    label: "Astro",
    build,
    indexLabel: index ? `separate step, ${how}` : "not built (--no-index)",
    index,
    phases: phasesOf(marksFile, timerFile, build),
    ...(await siteSizes(dist)),
  };
}

/** The same corpus through a minimal Hugo site and the Pagefind CLI. */
async function runHugo(contentRoot: string): Promise<SiteRun> {
  const site = join(work, "hugo");
  const output = join(site, "public");
  await writeHugoSite(site, contentRoot);
  const args = ["--source", site, "--destination", output, "--quiet"];
  const build = await step("hugo build of the same corpus", "hugo", args, "hugo-build.log");
  const pagefind = join(repo, "node_modules", ".bin", "pagefind");
  const index = await step("Pagefind CLI on the Hugo site", pagefind, ["--site", output], "hugo-pagefind.log");
  return {
    label: "Hugo",
    build,
    indexLabel: "separate step, Pagefind CLI",
    index,
    phases: [],
    ...(await siteSizes(output)),
  };
}

const version = (pkg: string) => readJson(join(repo, "node_modules", pkg, "package.json"), { version: "?" }).version;

try {
  log(`temp folder: ${work}`);
  const started = performance.now();
  const corpus = await writeCorpus(join(work, "content"), stories, { seed: SEED, extension: values.ext });
  const generateMs = performance.now() - started;
  log(
    `generated ${corpus.stories} stories (${corpus.words.toLocaleString("en")} words, ${formatBytes(corpus.bytes)}) in ${(generateMs / 1000).toFixed(1)} s`,
  );

  const astro = await runAstro(corpus.root);
  const hugoAvailable = values["no-hugo"] ? undefined : hugoVersion();
  if (!values["no-hugo"] && !hugoAvailable)
    log("hugo is not installed (apt-get install -y hugo): skipping the reference build");
  const hugo = hugoAvailable ? await runHugo(corpus.root) : undefined;
  let search;
  if (!values["no-browser"] && existsSync(join(work, "dist", "pagefind", "pagefind.js"))) {
    log("measuring search in Chromium");
    const merge = readJson<string[]>(join(work, "dist", "pagefind", "shards.json"), []).map((folder) => `/${folder}`);
    search = await measureSearch(join(work, "dist"), Number(values.port), benchQueries(SEED), merge);
  }
  const nodeOptions = process.env["NODE_OPTIONS"];
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cores: cpus().length,
      memoryBytes: totalmem(),
      cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
      versions: {
        Node: process.version,
        Astro: version("astro"),
        Pagefind: version("pagefind"),
        ...(hugoAvailable ? { Hugo: hugoAvailable.match(/v[\d.]+/)?.[0] ?? hugoAvailable } : {}),
      },
    },
    settings: `astro.config.mjs as committed${nodeOptions ? `, NODE_OPTIONS="${nodeOptions}"` : ""}`,
    corpus: { ...corpus, extension: values.ext, generateMs },
    astro,
    hugo,
    search,
  };
  console.log(`\n${markdownSection(result)}\n`);
  if (!values["no-write"]) {
    updateBenchmarksFile(join(repo, "BENCHMARKS.md"), result);
    log("BENCHMARKS.md updated");
  }
  if (targetChecks(result).some((line) => line.startsWith("FAIL"))) log("some targets were missed (see above)");
} finally {
  if (values.keep) log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
