import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { afterEach, describe, expect, it } from "vitest";
import { pagefindIndex } from "../../src/integrations/pagefind.ts";

const folders: string[] = [];
afterEach(async () => {
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
});
