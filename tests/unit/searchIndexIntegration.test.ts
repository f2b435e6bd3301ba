import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  buildSearchIndex,
  INDEX_AFTER_ASTRO_ENV,
  PAGES_PER_SHARD_ENV,
  pagefindIndex,
  PAGES_PER_SHARD,
  pagesPerShard,
} from "../../src/integrations/pagefind.ts";

const folders: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A throwaway build output folder holding the given pages. */
async function outputFolder(pages: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "archive-pagefind-"));
  folders.push(folder);
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(join(folder, path, ".."), { recursive: true });
    await writeFile(join(folder, path), html);
  }
  return folder;
}

const messages: string[] = [];
const logger = {
  fork: () => logger,
  info: (message: string) => messages.push(message),
  warn: (message: string) => messages.push(message),
  error: (message: string) => messages.push(message),
  debug: () => undefined,
} as unknown as AstroIntegrationLogger;

/** Runs the integration's build:done hook the way Astro does, on `folder`. */
async function runHook(folder: string): Promise<void> {
  const hook = pagefindIndex().hooks["astro:build:done"];
  if (!hook) throw new Error("the integration has no astro:build:done hook");
  await (hook as (options: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void>)({
    dir: pathToFileURL(`${folder}/`),
    logger,
  });
}

const story = `<!doctype html><html lang="en"><body>
  <header data-pagefind-ignore="all">Navigation words</header>
  <article data-pagefind-body>
    <div hidden data-pagefind-ignore><span data-pagefind-meta="person">Ann Lee</span><span data-pagefind-filter="topic">Glue</span></div>
    <h2 id="what-is-glue-work">What is glue work?</h2><p>Zebrafish are glue.</p>
  </article></body></html>`;

describe("pagefindIndex integration", () => {
  it("writes the index into the output folder Astro hands it, not a fixed dist/", async () => {
    const folder = await outputFolder({
      "stories/ann/index.html": story,
      "index.html": "<html lang=en><body>Home</body></html>",
    });
    await runHook(folder);
    const entry = JSON.parse(await readFile(join(folder, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    // Only the story has data-pagefind-body, so only it is indexed.
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([1]);
    expect(messages.at(-1)).toMatch(/Indexed 1 of 2 HTML files/);
    // What the search page needs is there; Pagefind's own unused interfaces are not.
    await expect(readFile(join(folder, "pagefind", "pagefind.js"))).resolves.toBeTruthy();
    await expect(readFile(join(folder, "pagefind", "pagefind-highlight.js"))).resolves.toBeTruthy();
    await expect(readFile(join(folder, "pagefind", "pagefind-ui.js"))).rejects.toThrow(/ENOENT/);
  });

  it("fails the build with advice when no page is marked for indexing", async () => {
    const folder = await outputFolder({ "index.html": "<html lang=en><body><p>No body marker</p></body></html>" });
    await expect(runHook(folder)).rejects.toThrow(/data-pagefind-body/);
    // No half-written index is left behind for a deploy to pick up.
    await expect(readFile(join(folder, "pagefind", "pagefind-entry.json"))).rejects.toThrow(/ENOENT/);
  });

  it("writes one index per shard when the archive outgrows a shard, each without the unused UI", async () => {
    vi.stubEnv(PAGES_PER_SHARD_ENV, "1");
    const dated = (date: string) => story.replace("<h2", `<span data-pagefind-sort="date" hidden>${date}</span><h2`);
    const folder = await outputFolder({
      "stories/old/index.html": dated("2019-01-01"),
      "stories/new/index.html": dated("2024-01-01"),
      "index.html": "<html lang=en><body>Home</body></html>",
    });
    await runHook(folder);
    const shards = JSON.parse(await readFile(join(folder, "pagefind", "shards.json"), "utf8")) as string[];
    expect(shards).toEqual(["pagefind/shard-2/"]);
    for (const bundle of ["pagefind/", ...shards]) {
      await expect(readFile(join(folder, bundle, "pagefind-entry.json"))).resolves.toBeTruthy();
      await expect(readFile(join(folder, bundle, "pagefind-ui.js"))).rejects.toThrow(/ENOENT/);
    }
    expect(messages.at(-1)).toMatch(/Indexed 2 of 3 HTML files .* in 2 shards/);
  });

  it("still refuses an unmarked site when it is split into shards", async () => {
    vi.stubEnv(PAGES_PER_SHARD_ENV, "1");
    const folder = await outputFolder({
      "index.html": "<html lang=en><body><p>No body marker</p></body></html>",
      "about/index.html": "<html lang=en><body><p>About</p></body></html>",
    });
    await expect(runHook(folder)).rejects.toThrow(/data-pagefind-body/);
    await expect(readFile(join(folder, "pagefind", "pagefind-entry.json"))).rejects.toThrow(/ENOENT/);
  });

  it("leaves the index to npm run build when it asks, which then builds the same index itself", async () => {
    vi.stubEnv(INDEX_AFTER_ASTRO_ENV, "1");
    const folder = await outputFolder({
      "stories/ann/index.html": story,
      "index.html": "<html lang=en><body>Home</body></html>",
    });
    await runHook(folder);
    await expect(readFile(join(folder, "pagefind", "pagefind-entry.json"))).rejects.toThrow(/ENOENT/);
    expect(messages.at(-1)).toMatch(/built by npm run build once Astro has exited/);
    expect(await buildSearchIndex(folder)).toMatch(/Indexed 1 of 2 HTML files/);
    await expect(readFile(join(folder, "pagefind", "pagefind-entry.json"))).resolves.toBeTruthy();
  });

  it("reads the shard size from ARCHIVE_PAGES_PER_SHARD and rejects a nonsense value", () => {
    expect(pagesPerShard({})).toBe(PAGES_PER_SHARD);
    expect(pagesPerShard({ [PAGES_PER_SHARD_ENV]: "3" })).toBe(3);
    expect(() => pagesPerShard({ [PAGES_PER_SHARD_ENV]: "0" })).toThrow(
      /ARCHIVE_PAGES_PER_SHARD must be a whole number/,
    );
    expect(() => pagesPerShard({ [PAGES_PER_SHARD_ENV]: "lots" })).toThrow(/got "lots"/);
  });
});
