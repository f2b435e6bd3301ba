import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

/** Folder, inside the build output, that holds the search bundle; pages load it from `${base}pagefind/`. */
export const PAGEFIND_DIR = "pagefind/";

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
    const { page_count } = ok(await index.addDirectory({ path: site }), `index the HTML in ${site}`);
    if (page_count === 0) {
      throw new Error(`Pagefind found no pages with data-pagefind-body in ${site}; is a story page missing its <article data-pagefind-body>?`);
    }
    const outputPath = fileURLToPath(new URL(PAGEFIND_DIR, dir));
    ok(await index.writeFiles({ outputPath }), `write the index to ${outputPath}`);
    logger.info(`Indexed ${page_count} pages into ${outputPath} in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await pagefind.close();
  }
}

/** Pagefind reports failures as a list of strings; turn any into one error that says what step failed. */
function ok<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind could not ${step}:\n  ${response.errors.join("\n  ")}`);
  }
  return response;
}
