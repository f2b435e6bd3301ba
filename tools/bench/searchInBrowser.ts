/**
 * Measures search the way a reader meets it: Chromium loads the built /pagefind/pagefind.js
 * into a page served from the temp dist/, then times `pagefind.search()` plus loading the
 * first results, and counts the bytes that crossed the network (CDP encodedDataLength).
 */
import { chromium, type BrowserContext } from "playwright";
import { chromiumLaunchOptions } from "../../tests/support/browser.ts";
import { serveStatic } from "../../tests/support/staticServer.ts";
import { measureTyping } from "./typingInBrowser.ts";

/**
 * One query's numbers. Cold: a fresh browser context loads pagefind.js and WASM, searches and loads
 * the first results (bytes also by kind of file). Warm: after an earlier search loaded Pagefind.
 * Typed: the real search page, typed key by key once warm, last keystroke to results shown.
 */
export interface QueryTiming {
  query: string;
  results: number;
  coldMs: number;
  coldBytes: number;
  coldByKind: Record<string, number>;
  warmMs: number;
  warmBytes: number;
  typedMs: number;
}

const FIRST_RESULTS = 5;
/** The page the bench loads Pagefind into, so the bytes counted are search's alone. */
const BLANK_PAGE = "/__bench__/";
const WARM_UP_QUERY = "staff";

/** Runs inside the page: imports Pagefind once, searches, loads the first results' data. */
async function runQuery(args: {
  bundle: string;
  merge: string[];
  query: string;
  first: number;
}): Promise<{ ms: number; results: number }> {
  type Result = { data: () => Promise<unknown> };
  type Pagefind = {
    search: (q: string) => Promise<{ results: Result[] }>;
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

/** A page whose network bytes (its own and its Web Workers', where Pagefind 1.6 searches) are counted by kind. */
async function countBytes(context: BrowserContext) {
  let kinds: Record<string, number> = {};
  let pending: Promise<void>[] = [];
  context.on("requestfinished", (request) => {
    const counted = request.sizes().then((sizes) => {
      const kind = fileKind(request.url());
      kinds[kind] = (kinds[kind] ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize;
    });
    pending.push(counted);
  });
  const byKind = async () => {
    await Promise.all(pending);
    return { ...kinds };
  };
  return {
    page: await context.newPage(),
    byKind,
    bytes: async () => Object.values(await byKind()).reduce((sum, b) => sum + b, 0),
    reset: () => {
      kinds = {};
      pending = [];
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Serves `dist` on `port` and measures each query cold and warm; `merge` lists extra index shards. */
export async function measureSearch(
  dist: string,
  port: number,
  queries: readonly string[],
  merge: string[] = [],
): Promise<QueryTiming[]> {
  const server = await serveStatic(dist, {
    port,
    gzip: true,
    pages: { [BLANK_PAGE]: '<!doctype html><html lang="en"><title>bench</title><body></body></html>' },
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const bundle = `${server.origin}/pagefind/pagefind.js`;
  try {
    const timings: QueryTiming[] = [];
    // Warm page: Pagefind initialised once, then every query in turn (as a reader refining a search).
    const warmContext = await browser.newContext();
    const warm = await countBytes(warmContext);
    await warm.page.goto(`${server.origin}${BLANK_PAGE}`);
    // Warm means Pagefind's script, worker, WASM and entry are loaded: one throwaway search does that.
    await warm.page.evaluate(runQuery, { bundle, merge, query: WARM_UP_QUERY, first: 1 });
    for (const query of queries) {
      const context = await browser.newContext();
      const cold = await countBytes(context);
      await cold.page.goto(`${server.origin}${BLANK_PAGE}`);
      await settle();
      cold.reset();
      const coldRun = await cold.page.evaluate(runQuery, { bundle, merge, query, first: FIRST_RESULTS });
      await settle();
      const coldByKind = await cold.byKind();
      const coldBytes = await cold.bytes();
      await context.close();

      await settle();
      warm.reset();
      const warmRun = await warm.page.evaluate(runQuery, { bundle, merge, query, first: FIRST_RESULTS });
      await settle();
      timings.push({
        query,
        results: coldRun.results,
        coldMs: coldRun.ms,
        coldBytes,
        coldByKind,
        warmMs: warmRun.ms,
        warmBytes: await warm.bytes(),
        typedMs: Number.NaN,
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
