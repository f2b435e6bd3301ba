/** Turns one bench run into a console summary and a BENCHMARKS.md section. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { writeCorpus } from "./generateCorpus.ts";
import type { Measured } from "./processTree.ts";
import type { QueryTiming } from "./searchInBrowser.ts";
import type { siteSizes } from "./sizes.ts";

/** One site generator's numbers for one corpus. */
export type SiteRun = Awaited<ReturnType<typeof siteSizes>> & {
  build: Measured;
  /** How the search index was made, and the step that made it (when it ran). */
  indexLabel: string;
  index: Measured | undefined;
  /** Where the build's time went and the V8 heap at each phase's end, when the generator reports phases. */
  phases: { name: string; ms: number; heap: number | undefined }[];
};

/** Everything a run measured. */
export interface BenchResult {
  date: string;
  machine: { cores: number; memoryBytes: number; cpu: string; versions: Record<string, string> };
  settings: string;
  corpus: Awaited<ReturnType<typeof writeCorpus>> & { extension: string; generateMs: number };
  astro: SiteRun;
  hugo: SiteRun | undefined;
  search: QueryTiming[] | undefined;
}

/** "1.23 GB", "456 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Build and separate index step together: wall time, CPU time, and the higher peak (they run one after the other). */
const totalMs = (run: SiteRun) => run.build.ms + (run.index?.ms ?? 0);
const totalCpu = (run: SiteRun) => run.build.cpuSeconds + (run.index?.cpuSeconds ?? 0);
const peakBytes = (run: SiteRun) => Math.max(run.build.peakRssBytes, run.index?.peakRssBytes ?? 0);

function siteRows(run: SiteRun): [string, string][] {
  const { build, index, dist, indexSize, feeds } = run;
  const split = index ? ` (build ${build.cpuSeconds.toFixed(1)} s + index ${index.cpuSeconds.toFixed(1)} s)` : "";
  const loads = [build, ...(index ? [index] : [])].map((m) => m.loadBefore.toFixed(1)).join(", ");
  const mainFeed = feeds.find((f) => f.path === "/rss.xml");
  const feedTotal = formatBytes(feeds.reduce((sum, f) => sum + f.bytes, 0));
  return [
    ["build", seconds(build.ms)],
    ["search index", index ? `${seconds(index.ms)} (${run.indexLabel})` : run.indexLabel],
    ["build + index", seconds(totalMs(run))],
    ["CPU time (user + system)", `${totalCpu(run).toFixed(1)} s${split}`],
    ["load average at start (build, index)", loads],
    ["peak RSS (process tree)", formatBytes(peakBytes(run))],
    ["HTML pages", String(dist.htmlPages)],
    ["pages / second (build + index)", (dist.htmlPages / (totalMs(run) / 1000)).toFixed(1)],
    ["dist size", `${formatBytes(dist.bytes)} in ${dist.files} files`],
    ["index size", `${formatBytes(indexSize.bytes)} in ${indexSize.files} files`],
    [
      "feeds",
      feeds.length === 0
        ? "none built"
        : `${feeds.length}, ${feedTotal} total${mainFeed ? `; /rss.xml ${formatBytes(mainFeed.bytes)}` : ""}`,
    ],
  ];
}

/** Pass/fail lines for the targets in issues 4 and 8. */
export function targetChecks(result: BenchResult): string[] {
  const checks: string[] = [];
  const check = (ok: boolean, text: string) => checks.push(`${ok ? "PASS" : "FAIL"} ${text}`);
  const astroMs = totalMs(result.astro);
  const peak = peakBytes(result.astro);
  const n = result.corpus.stories;
  if (n >= 10_000) {
    check(astroMs <= 240_000, `10,000-story build + index ≤ 4 min (${seconds(astroMs)})`);
    check(peak <= 4e9, `10,000-story peak ≤ 4 GB (${formatBytes(peak)})`);
  } else if (n >= 500 && n <= 2_000) {
    if (result.hugo) {
      const ratio = astroMs / totalMs(result.hugo);
      check(ratio <= 1.5, `build + index ≤ 1.5 × Hugo + Pagefind (${ratio.toFixed(2)} ×)`);
    }
    check(peak <= 1.5e9, `peak ≤ 1.5 GB (${formatBytes(peak)})`);
  }
  for (const q of result.search ?? []) {
    const typed = `typed search ${q.query}: first results ≤ 100 ms after the last keystroke (${q.typedMs.toFixed(0)} ms)`;
    check(q.typedMs <= 100, typed);
    if (n >= 10_000)
      check(q.coldBytes <= 150_000, `first query ${q.query}: ≤ 150 KB fetched (${formatBytes(q.coldBytes)})`);
  }
  return checks;
}

/** The run as Markdown: machine, a side-by-side table, phases, search, target checks. */
export function markdownSection(result: BenchResult): string {
  const { machine, corpus, astro, hugo, search = [] } = result;
  const versions = Object.entries(machine.versions).map(([k, v]) => `${k} ${v}`);
  const runs = [astro, hugo].flatMap((r) => (r ? [r.build, ...(r.index ? [r.index] : [])] : []));
  const lines = [
    `## ${corpus.stories.toLocaleString("en")} stories (.${corpus.extension}) — ${result.date}`,
    "",
    `Machine: ${machine.cores} cores (${machine.cpu}), ${formatBytes(machine.memoryBytes)} RAM; ${versions.join(", ")}.`,
    ...(runs.some((m) => m.loadBefore > machine.cores)
      ? [
          `Warning: the load average was above the core count during this run, so wall times include waiting for other work; CPU times are steadier.`,
        ]
      : []),
    `Corpus: ${corpus.stories} stories by ${corpus.people} people, ${corpus.words.toLocaleString("en")} words, ${formatBytes(corpus.bytes)} of Markdown (generated in ${seconds(corpus.generateMs)}). Settings: ${result.settings}.`,
    "",
    hugo ? "| | Astro (this site) | Hugo + Pagefind CLI |" : "| | Astro (this site) |",
    hugo ? "|---|---|---|" : "|---|---|",
  ];
  const hugoRows = hugo ? siteRows(hugo) : [];
  siteRows(astro).forEach(([name, value], i) =>
    lines.push(hugo ? `| ${name} | ${value} | ${hugoRows[i]?.[1] ?? ""} |` : `| ${name} | ${value} |`),
  );
  if (hugo) {
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;
    lines.push(
      `| **ratio Astro / Hugo** | **${ratio(totalMs(astro), totalMs(hugo))}** wall time, ${ratio(totalCpu(astro), totalCpu(hugo))} CPU time, ${ratio(peakBytes(astro), peakBytes(hugo))} peak memory | |`,
    );
  }
  if (astro.phases.length > 0) {
    lines.push(
      "",
      "Astro phases (wall time; Astro's V8 heap at the end of the phase, from ASTRO_TIMER_PATH):",
      "",
      "| phase | time | heap at end |",
      "|---|---|---|",
      ...astro.phases.map(
        (p) => `| ${p.name} | ${seconds(p.ms)} | ${p.heap === undefined ? "" : formatBytes(p.heap)} |`,
      ),
    );
  }
  const [first] = search;
  if (first) {
    const kinds = Object.entries(first.coldByKind).sort((a, b) => b[1] - a[1]);
    lines.push(
      "",
      "Search in Chromium (cold and warm: Pagefind's API, first 5 results loaded; typed: the real /search/ page, one key every 120 ms after a warm-up search; bytes as transferred, text gzipped):",
      "",
      "| query | results | cold: time | cold: fetched | warm: time | warm: fetched | typed: last key to results |",
      "|---|---|---|---|---|---|---|",
      ...search.map(
        (q) =>
          `| \`${q.query}\` | ${q.results} | ${q.coldMs.toFixed(0)} ms | ${formatBytes(q.coldBytes)} | ${q.warmMs.toFixed(0)} ms | ${formatBytes(q.warmBytes)} | ${q.typedMs.toFixed(0)} ms |`,
      ),
      "",
      `Where the first query's bytes go (\`${first.query}\`, cold): ${kinds.map(([k, b]) => `${k} ${formatBytes(b)}`).join(", ")}.`,
    );
  }
  const checks = targetChecks(result);
  if (checks.length > 0) lines.push("", "Targets:", "", ...checks.map((c) => `- ${c}`));
  return lines.join("\n");
}

const HEADER = `# Benchmarks

Written by \`npm run bench -- --stories N\` (see docs/performance.md for what is measured and why).
Each run replaces the section for its story count and file format; times are wall-clock on the
machine named in the section, memory is the peak resident set of the whole process tree.
`;

/** Replaces (or adds) this run's section in BENCHMARKS.md, keeping other sizes' sections. */
export function updateBenchmarksFile(path: string, result: BenchResult): void {
  const key = `${result.corpus.stories}-${result.corpus.extension}`;
  const [start, end] = [`<!-- bench:${key} -->`, `<!-- /bench:${key} -->`];
  const block = `${start}\n${markdownSection(result)}\n${end}`;
  const text = existsSync(path) ? readFileSync(path, "utf8") : HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  writeFileSync(
    path,
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`,
  );
}
