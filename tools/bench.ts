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

const USAGE = `Usage: npm run bench -- --stories N [--ext md|mdx] [--port P] [--no-index] [--no-hugo] [--no-browser]
  [--no-write] [--keep]  (docs/performance.md says what each does)`;

/** The command line, or the usage and exit code 2 when an option is unknown or lacks its value. */
function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return process.exit(2);
  }
}

const OPTIONS = {
  stories: { type: "string", default: "100" },
  ext: { type: "string", default: "mdx" },
  port: { type: "string", default: "4416" },
  "no-index": { type: "boolean", default: false },
  "no-hugo": { type: "boolean", default: false },
  "no-browser": { type: "boolean", default: false },
  "no-write": { type: "boolean", default: false },
  keep: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;
const { values } = parseOptions();

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

/** Where the build's time went, from Astro's own timers (ASTRO_TIMER_PATH): each step and the V8 heap at its end. */
function phasesOf(timerFile: string, run: Measured): SiteRun["phases"] {
  const timers = readJson<Record<string, { elapsedTime: number; heapUsedTotal: number }>>(timerFile, {});
  const total = timers["Total build"];
  if (!total) return [];
  const steps: [string, string[]][] = [
    ["content sync", ["Sync content layer"]],
    ["bundle", ["Prerender build", "SSR build", "Client build"]],
    ["render pages", ["Static generate"]],
  ];
  const phases = steps.map(([name, keys]) => {
    const timed = keys.flatMap((key) => timers[key] ?? []);
    return { name, ms: timed.reduce((sum, t) => sum + t.elapsedTime, 0), heap: timed.at(-1)?.heapUsedTotal };
  });
  const rest = total.elapsedTime - phases.reduce((sum, phase) => sum + phase.ms, 0);
  return [
    ...phases,
    { name: "rest of the build (setup, build:done hooks)", ms: rest, heap: total.heapUsedTotal },
    { name: "process start and exit", ms: run.ms - total.elapsedTime, heap: undefined },
  ];
}

/** Astro's build as `npm run build` runs it: Astro in a child process, then the search index once it has exited. */
async function runAstro(contentRoot: string): Promise<SiteRun> {
  const dist = join(work, "dist");
  const timerFile = join(work, "astro-timer.json");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ARCHIVE_CONTENT_DIR: contentRoot,
    [INDEX_AFTER_ASTRO_ENV]: "1",
    ARCHIVE_OUT_DIR: dist,
    ARCHIVE_CACHE_DIR: join(work, "astro-cache"),
    ASTRO_TIMER_PATH: timerFile,
    SITE_URL: `http://127.0.0.1:${values.port}`,
  };
  delete env["BASE_PATH"];
  const node = process.execPath;
  const astro = [join(repo, "node_modules/astro/bin/astro.mjs"), "build"];
  const build = await step(`astro build of ${stories} stories`, node, astro, "astro-build.log", env);
  const perShard = process.env[PAGES_PER_SHARD_ENV] || PAGES_PER_SHARD;
  const how = `Pagefind command line per shard after Astro exits, as npm run build does, an index per ${perShard} pages`;
  const index = values["no-index"]
    ? undefined
    : await step(`indexing (${how})`, node, [join(repo, "tools/bench/indexSite.ts"), dist], "astro-pagefind.log");
  return {
    build,
    indexLabel: index ? `separate step, ${how}` : "not built (--no-index)",
    index,
    phases: phasesOf(timerFile, build),
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
