import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

/** Folder, inside the build output, that holds the search bundle; pages load it from `${base}pagefind/`. */
export const PAGEFIND_DIR = "pagefind/";

/**
 * Pagefind's ready-made interfaces. The archive has its own accessible search page,
 * so these ~400 KB would only be dead weight in every deploy.
 */
const UNUSED_UI_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
];

/**
 * Builds the Pagefind index as the last step of `astro build`, from the HTML Astro just wrote.
 * It reads whatever output folder Astro hands the hook, so staged builds index themselves.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "archive-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        await buildIndex(dir, logger.fork("pagefind"));
      },
    },
  };
}

async function buildIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const site = fileURLToPath(dir);
  try {
    // English only: stemming stays stable even if a page forgets its lang attribute.
    const { index } = ok(await pagefind.createIndex({ forceLanguage: "en" }), "create the index");
    if (!index) throw new Error("Pagefind did not return an index.");
    const { page_count: htmlFiles } = ok(await index.addDirectory({ path: site }), `read the HTML in ${site}`);
    const outputPath = fileURLToPath(new URL(PAGEFIND_DIR, dir));
    ok(await index.writeFiles({ outputPath }), `write the index to ${outputPath}`);
    const indexed = await indexedPageCount(outputPath);
    // When no page carries data-pagefind-body, Pagefind indexes every page whole, menus and
    // footers included. The home and 404 pages never carry it, so "all pages" means it is missing.
    if (indexed === 0 || indexed >= htmlFiles) {
      await rm(outputPath, { recursive: true, force: true });
      throw new Error(
        `Pagefind indexed ${indexed} of ${htmlFiles} HTML files in ${site}, so no page carries data-pagefind-body ` +
          `and navigation would be searchable. Put data-pagefind-body on the story page's <article>.`,
      );
    }
    await Promise.all(UNUSED_UI_FILES.map((file) => rm(`${outputPath}/${file}`, { force: true })));
    logger.info(
      `Indexed ${indexed} of ${htmlFiles} HTML files into ${outputPath} in ${Math.round(performance.now() - started)} ms.`,
    );
  } finally {
    await pagefind.close();
  }
}

/** Pages in the written index, read from Pagefind's entry file (its count covers every language). */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${outputPath}/pagefind-entry.json`, "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/** Pagefind reports failures as a list of strings; turn any into one error that says what step failed. */
function ok<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind could not ${step}:\n  ${response.errors.join("\n  ")}`);
  }
  return response;
}
