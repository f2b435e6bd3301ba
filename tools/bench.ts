/**
 * `npm run bench -- --stories N`: builds a synthetic N-story archive with the real build and
 * reports time, memory, sizes and search speed, next to a plain Hugo + Pagefind build of the
 * same corpus when Hugo is installed. Results go to BENCHMARKS.md. See docs/performance.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { INDEX_AFTER_ASTRO_ENV, PAGES_PER_SHARD } from "../src/integrations/pagefind.ts";
import { writeCorpus, type StoryExtension } from "./bench/generateCorpus.ts";
import { hugoVersion, writeHugoSite } from "./bench/hugoSite.ts";
import { measureCommand, type Measured } from "./bench/processTree.ts";
import { benchQueries } from "./bench/queries.ts";
import {
  formatBytes,
  markdownSection,
  targetChecks,
  updateBenchmarksFile,
  type BenchResult,
  type SiteRun,
} from "./bench/report.ts";
import { measureSearch } from "./bench/searchInBrowser.ts";
import { feedSizes, treeSize } from "./bench/sizes.ts";

const USAGE = `Usage: npm run bench -- --stories N [options]
  --stories N        stories to generate (default 100)
  --ext md|mdx       file format of the stories (default mdx, what the importer writes)
  --seed TEXT        corpus seed (default staff-archive)
  --port P           port for the search measurement (default 4416)
  --index shards|shards:P|api|cli|none  how to index the site Astro built:
                     shards (default) as npm run build does once Astro has exited, one Pagefind index
                     per ${PAGES_PER_SHARD} pages (or P), merged at query time; api/cli one index
  --concurrency N    override build.concurrency for this run
  --astro-config JSON  merge this into the Astro config for this run (try a setting before committing it)
  --cpu-prof         write V8 CPU profiles of the build into the temp folder (kept)
  --no-hugo --no-browser --no-write   skip the Hugo reference, the browser, BENCHMARKS.md
  --keep             keep the temp folder (corpus, dist, logs)
  --json FILE        also write the full result as JSON`;

const { values } = parseArgs({
  options: {
    stories: { type: "string", default: "100" },
    ext: { type: "string", default: "mdx" },
    seed: { type: "string", default: "staff-archive" },
    port: { type: "string", default: "4416" },
    index: { type: "string", default: "shards" },
    concurrency: { type: "string" },
    "astro-config": { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
    "no-hugo": { type: "boolean", default: false },
    "no-browser": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    json: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

const stories = Number(values.stories);
const extension = values.ext as StoryExtension;
if (
  values.help ||
  !Number.isInteger(stories) ||
  stories < 1 ||
  !["md", "mdx"].includes(extension) ||
  !/^(api|cli|none|shards(:[1-9]\d*)?)$/.test(values.index)
) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const repo = resolve(import.meta.dirname, "..");
const work = await mkdtemp(join(tmpdir(), `staff-archive-bench-${stories}-`));
const log = (message: string) => console.log(`[bench] ${message}`);
const node = process.execPath;
const pagefindBin = join(repo, "node_modules", ".bin", "pagefind");

function failIfBroken(step: string, run: Measured, logFile: string): void {
  if (run.exitCode === 0) return;
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
  console.error(`[bench] ${step} failed (exit ${run.exitCode}). Last lines of ${logFile}:\n${tail}`);
  process.exit(1);
}

/**
 * Splits the build into phases: hook marks from astroBuild.ts for the edges, Astro's own
 * ASTRO_TIMER_PATH stats for the middle, each with the peak RSS sampled inside it.
 */
function phasesOf(marksFile: string, timerFile: string, run: Measured): SiteRun["phases"] {
  if (!existsSync(marksFile)) return [];
  const { memory = [], ...marks } = JSON.parse(readFileSync(marksFile, "utf8")) as Record<string, number> & {
    memory?: [number, number][];
  };
  const timers = existsSync(timerFile)
    ? (JSON.parse(readFileSync(timerFile, "utf8")) as Record<string, { elapsedTime: number }>)
    : {};
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

/** The Pagefind step for `how` (shards[:P], api or cli), described and run on a built site. */
const pagesPerShard = (how: string) => how.replace(/^shards:?/, "") || PAGES_PER_SHARD;
function indexLabel(how: string): string {
  if (how === "api") return "Node API";
  if (how === "cli") return "CLI";
  return `command line per shard after Astro exits, as npm run build does, an index per ${pagesPerShard(how)} pages`;
}

async function indexSeparately(site: string, how: string, logFile: string): Promise<Measured> {
  const [command, args] =
    how === "cli" ? [pagefindBin, ["--site", site]] : [node, [join(repo, "tools/bench/indexSite.ts"), site, how]];
  const run = await measureCommand(command, args, { cwd: repo, env: process.env, logFile });
  failIfBroken(`Pagefind (${how})`, run, logFile);
  return run;
}

async function runAstro(contentRoot: string): Promise<SiteRun> {
  const outDir = join(work, "dist");
  const marksFile = join(work, "astro-phases.json");
  const timerFile = join(work, "astro-timer.json");
  const logFile = join(work, "astro-build.log");
  const cpuProf = values["cpu-prof"] ? `--cpu-prof --cpu-prof-dir=${join(work, "cpu-prof")}` : "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ARCHIVE_CONTENT_DIR: contentRoot,
    // As under npm run build: Astro leaves the index to a step after it exits.
    [INDEX_AFTER_ASTRO_ENV]: "1",
    BENCH_OUT_DIR: outDir,
    BENCH_CACHE_DIR: join(work, "astro-cache"),
    BENCH_PHASES_FILE: marksFile,
    ASTRO_TIMER_PATH: timerFile,
    SITE_URL: `http://127.0.0.1:${values.port}`,
    NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} ${cpuProf}`.trim(),
    ...(values.concurrency ? { BENCH_CONCURRENCY: values.concurrency } : {}),
    ...(values["astro-config"] ? { BENCH_ASTRO_CONFIG: values["astro-config"] } : {}),
  };
  delete env["BASE_PATH"];
  log(`astro build of ${stories} stories (log: ${logFile})`);
  const build = await measureCommand(node, [join(repo, "tools/bench/astroBuild.ts")], { cwd: repo, env, logFile });
  failIfBroken("astro build", build, logFile);
  const indexedInBuild = existsSync(join(outDir, "pagefind", "pagefind.js"));
  let index: Measured | undefined;
  if (!indexedInBuild && values.index !== "none") {
    log(`the build made no pagefind/: indexing it separately (Pagefind ${indexLabel(values.index)})`);
    index = await indexSeparately(outDir, values.index, join(work, "astro-pagefind.log"));
  }
  return {
    label: "Astro",
    build,
    indexLabel: indexedInBuild
      ? "inside the build"
      : values.index === "none"
        ? "not built (--index none)"
        : `separate step, Pagefind ${indexLabel(values.index)}`,
    ...(index ? { index } : {}),
    phases: phasesOf(marksFile, timerFile, build),
    dist: await treeSize(outDir),
    indexSize: await treeSize(join(outDir, "pagefind")),
    feeds: await feedSizes(outDir),
  };
}

async function runHugo(contentRoot: string): Promise<SiteRun> {
  const site = join(work, "hugo");
  const output = join(site, "public");
  await writeHugoSite(site, contentRoot);
  const logFile = join(work, "hugo-build.log");
  log(`hugo build of the same corpus (log: ${logFile})`);
  const args = ["--source", site, "--destination", output, "--quiet"];
  const build = await measureCommand("hugo", args, { cwd: site, env: process.env, logFile });
  failIfBroken("hugo", build, logFile);
  const index = await indexSeparately(output, "cli", join(work, "hugo-pagefind.log"));
  return {
    label: "Hugo",
    build,
    indexLabel: "separate step, Pagefind CLI",
    index,
    phases: [],
    dist: await treeSize(output),
    indexSize: await treeSize(join(output, "pagefind")),
    feeds: [],
  };
}

function versions(hugo: string | undefined): Record<string, string> {
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(repo, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  return {
    Node: process.version,
    Astro: version("astro"),
    Pagefind: version("pagefind"),
    ...(hugo ? { Hugo: hugo.match(/v[\d.]+/)?.[0] ?? hugo } : {}),
  };
}

try {
  log(`temp folder: ${work}`);
  const started = performance.now();
  const corpus = await writeCorpus(join(work, "content"), stories, { seed: values.seed, extension });
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
    const shards = join(work, "dist", "pagefind", "shards.json");
    const merge = existsSync(shards)
      ? (JSON.parse(readFileSync(shards, "utf8")) as string[]).map((folder) => `/${folder}`)
      : [];
    search = await measureSearch(join(work, "dist"), Number(values.port), benchQueries(values.seed), merge);
  }
  const result: BenchResult = {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cores: cpus().length,
      memoryBytes: totalmem(),
      cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
      versions: versions(hugoAvailable),
    },
    settings: [
      values.concurrency ? `build.concurrency=${values.concurrency}` : "",
      values["astro-config"] ? `config override ${values["astro-config"]}` : "astro.config.mjs as committed",
      process.env["NODE_OPTIONS"] ? `NODE_OPTIONS="${process.env["NODE_OPTIONS"]}"` : "",
    ]
      .filter(Boolean)
      .join(", "),
    corpus: { ...corpus, extension, generateMs },
    astro,
    ...(hugo ? { hugo } : {}),
    ...(search ? { search } : {}),
  };
  console.log(`\n${markdownSection(result)}\n`);
  if (values.json)
    await writeFile(
      values.json,
      JSON.stringify({ ...result, astro: { ...astro, build: { ...astro.build, samples: [] } } }, null, 2),
    );
  if (!values["no-write"]) {
    updateBenchmarksFile(join(repo, "BENCHMARKS.md"), result);
    log("BENCHMARKS.md updated");
  }
  if (targetChecks(result).some((line) => line.startsWith("FAIL"))) log("some targets were missed (see above)");
} finally {
  if (values.keep || values["cpu-prof"]) log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
