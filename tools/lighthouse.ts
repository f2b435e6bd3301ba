/**
 * `npm run lighthouse`: build the site for a local origin, serve it with `npm start`, and run Lighthouse (mobile,
 * its default) on the home page, the story index and the median story with the system Chromium.
 * Prints the four category scores per page and the audits that cost points; exits 1 below 100.
 * Options: --no-build (audit the dist/ that exists), LIGHTHOUSE_PORT (default TEST_PORT, else 4398),
 * LIGHTHOUSE_RUNS (runs per page, median scored; default 3), CHROME_PATH (default: the tests' Chromium).
 */
import { launch } from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, chromiumExecutable } from "../tests/support/browser.ts";
import { runScript, startScript, until } from "../tests/support/buildScript.ts";

const port = Number(process.env["LIGHTHOUSE_PORT"] ?? process.env["TEST_PORT"] ?? 4398);
const origin = `http://127.0.0.1:${port}`;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const RUNS = Number(process.env["LIGHTHOUSE_RUNS"] ?? 3);

/** Audits `url` LIGHTHOUSE_RUNS times (one run is noisy): the median run's scores and the weighted audits that cost points. */
async function audit(url: string, chromePort: number): Promise<{ scores: Record<string, number>; lost: string[] }> {
  const runs: Result[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(url, { port: chromePort, logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
    runs.push(result.lhr);
  }
  const score = (lhr: Result) => lhr.categories["performance"]?.score ?? 0;
  const median = runs.sort((a, b) => score(a) - score(b))[Math.floor(runs.length / 2)];
  if (!median) throw new Error("LIGHTHOUSE_RUNS must be at least 1.");
  const { categories, audits } = median;
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
  const weighted = new Set(
    CATEGORIES.flatMap((id) => (categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id)),
  );
  const lost = Object.values(audits)
    .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
    .map(
      (a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}`,
    );
  return { scores, lost };
}

if (!process.argv.includes("--no-build")) {
  // Canonical and og:url links must be on the origin Lighthouse visits, or the SEO audit flags them.
  console.log(`Building for ${origin}...`);
  const result = runScript("tools/build.ts", [], { SITE_URL: origin });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error("npm run build failed; fix the build before running Lighthouse.");
  }
}
// `npm start`'s server (the site is fresh, so it only serves), with the production headers and caching.
const server = startScript("tools/start.ts", [], { HOST: "127.0.0.1", PORT: String(port), ARCHIVE_LOCAL: origin });
const serving = () => server.output().includes("Serving ");
await until(() => serving() || server.child.exitCode !== null, 60_000, `npm start on ${origin}`);
if (!serving()) throw new Error(`npm start did not serve ${origin} (set LIGHTHOUSE_PORT?):\n${server.output()}`);
// The pages to audit, found in the build (imported late: the build must exist first).
const { BASE_PATH, medianStory } = await import("../tests/support/site.ts");
const chromePath = process.env["CHROME_PATH"] ?? chromiumExecutable() ?? chromium.executablePath();
const chrome = await launch({ chromePath, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
let failed = false;
try {
  for (const path of [BASE_PATH, `${BASE_PATH}stories/`, medianStory().path]) {
    const url = origin + path;
    const { scores, lost } = await audit(url, chrome.port);
    const below = CATEGORIES.filter((id) => (scores[id] ?? 0) < 100);
    failed ||= below.length > 0;
    console.log(
      `${below.length ? "FAIL" : "ok  "} ${url}\n     ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(" · ")}`,
    );
    for (const line of lost) console.log(`     - ${line}`);
  }
} finally {
  chrome.kill();
  server.child.kill();
}
console.log(
  failed ? "Lighthouse: below 100 somewhere (see above)." : "Lighthouse: 100 in all four categories on every page.",
);
process.exitCode = failed ? 1 : 0;
