/** Measures search the way a reader meets it, in Chromium against the temp dist/ served gzipped (docs/performance.md). */
import { chromium, type Browser, type BrowserContext } from "playwright";
import { chromiumLaunchOptions } from "../../tests/support/browser.ts";
import { serveStatic } from "../../tests/support/staticServer.ts";

/** One query's numbers: cold (a fresh browser context), warm (Pagefind already loaded), typed (the real search page). */
export type QueryTiming = Awaited<ReturnType<typeof measureSearch>>[number];

const FIRST_RESULTS = 5;
/** The page the bench loads Pagefind into, so the bytes counted are search's alone. */
const BLANK_PAGE = "/__bench__/";
const WARM_UP_QUERY = "staff";
/** Milliseconds between keys: a fast typist (about 100 words a minute). */
const KEY_DELAY_MS = 120;

/** Runs inside the page: imports Pagefind once, searches, loads the first results' data. */
async function runQuery(args: { bundle: string; merge: string[]; query: string; first: number }) {
  type Pagefind = {
    search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
    mergeIndex: (path: string) => Promise<void>;
  };
  const holder = window as unknown as { pagefind?: Pagefind };
  const started = performance.now();
  if (!holder.pagefind) {
    const pagefind = (await import(args.bundle)) as Pagefind;
    // A sharded index: every shard joins the search before the first query.
    for (const path of args.merge) await pagefind.mergeIndex(path);
    holder.pagefind = pagefind;
  }
  const search = await holder.pagefind.search(args.query);
  await Promise.all(search.results.slice(0, args.first).map((r) => r.data()));
  return { ms: performance.now() - started, results: search.results.length };
}

/** What a Pagefind bundle file is for, from its name. */
function fileKind(url: string): string {
  const name = new URL(url).pathname.split("/").pop() ?? "";
  if (name.endsWith(".pf_fragment")) return "fragments";
  if (name.endsWith(".pf_index")) return "index chunks";
  if (name.endsWith(".pf_meta") || name.endsWith(".json")) return "metadata";
  if (name.startsWith("wasm.")) return "wasm";
  return name.endsWith(".js") ? "scripts" : "other";
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const total = (byKind: Record<string, number>) => Object.values(byKind).reduce((sum, b) => sum + b, 0);

/** A blank page whose network bytes (its own and its Web Workers', where Pagefind searches) are counted; `search` times one query. */
async function searchPage(context: BrowserContext, origin: string, merge: string[]) {
  let counted: Promise<[string, number]>[] = [];
  context.on("requestfinished", (request) =>
    counted.push(request.sizes().then((s) => [fileKind(request.url()), s.responseBodySize + s.responseHeadersSize])),
  );
  const page = await context.newPage();
  await page.goto(`${origin}${BLANK_PAGE}`);
  const bundle = `${origin}/pagefind/pagefind.js`;
  return async (query: string, first = FIRST_RESULTS) => {
    await settle();
    counted = [];
    const run = await page.evaluate(runQuery, { bundle, merge, query, first });
    await settle();
    const byKind: Record<string, number> = {};
    for (const [kind, bytes] of await Promise.all(counted)) byKind[kind] = (byKind[kind] ?? 0) + bytes;
    return { ...run, byKind };
  };
}

/** Serves `dist` on `port` and measures each query cold, warm and typed; `merge` lists extra index shards. */
export async function measureSearch(dist: string, port: number, queries: readonly string[], merge: string[]) {
  const server = await serveStatic(dist, {
    port,
    gzip: true,
    pages: { [BLANK_PAGE]: '<!doctype html><html lang="en"><title>bench</title><body></body></html>' },
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const timings = [];
    // Warm page: Pagefind initialised once, then every query in turn (as a reader refining a search).
    const warmContext = await browser.newContext();
    const warm = await searchPage(warmContext, server.origin, merge);
    // Warm means Pagefind's script, worker, WASM and entry are loaded: one throwaway search does that.
    await warm(WARM_UP_QUERY, 1);
    for (const query of queries) {
      const context = await browser.newContext();
      const cold = await (await searchPage(context, server.origin, merge))(query);
      await context.close();
      const warmRun = await warm(query);
      timings.push({
        query,
        results: cold.results,
        coldMs: cold.ms,
        coldBytes: total(cold.byKind),
        coldByKind: cold.byKind,
        warmMs: warmRun.ms,
        warmBytes: total(warmRun.byKind),
      });
    }
    await warmContext.close();
    const typed = await measureTyping(browser, server.origin, queries);
    return timings.map((timing, k) => ({ ...timing, typedMs: typed[k] ?? Number.NaN }));
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Times each query typed into the warm search page: last key's input event to the list's last update before the status announces it. */
async function measureTyping(browser: Browser, origin: string, queries: readonly string[]): Promise<number[]> {
  // A page of its own, closed with the browser.
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  const input = page.locator("#search-input");
  await input.fill(WARM_UP_QUERY);
  await page.locator("#search-status").filter({ hasText: WARM_UP_QUERY }).waitFor();
  const timings: number[] = [];
  for (const query of queries) {
    await input.fill("");
    await page.waitForTimeout(300);
    // Observers go in before the first key (Playwright runs a page's commands in order) and answer once the status names the query.
    const measured = page.evaluate(
      (asked) =>
        new Promise<number>((resolve) => {
          const [box, status, list] = ["#search-input", "#search-status", "#search-results"].map((id) =>
            document.querySelector(id),
          );
          setTimeout(() => resolve(Number.NaN), 30_000);
          let typed = 0;
          let shown = Number.NaN;
          box?.addEventListener("input", () => (typed = performance.now()), { capture: true });
          if (list) new MutationObserver(() => (shown = performance.now())).observe(list, { childList: true });
          const announced = () =>
            status?.textContent?.includes(asked) && resolve(shown >= typed ? shown - typed : Number.NaN);
          if (status)
            new MutationObserver(announced).observe(status, { childList: true, characterData: true, subtree: true });
        }),
      query,
    );
    await input.pressSequentially(query, { delay: KEY_DELAY_MS });
    timings.push(await measured);
  }
  return timings;
}
