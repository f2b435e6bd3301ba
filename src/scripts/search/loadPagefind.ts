import type { FilterCounts, PagefindModule } from "../../lib/search/pagefindTypes.ts";
import { EXCERPT_WORDS } from "../../lib/search/resultView.ts";
import { href } from "../../lib/urls.ts";

let loading: Promise<PagefindModule> | undefined;

/**
 * Pagefind's browser bundle, imported on first use from `${base}pagefind/`.
 * It is written by the build, so it cannot be bundled; a failed load may be retried.
 */
export function loadPagefind(): Promise<PagefindModule> {
  loading ??= importPagefind().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function importPagefind(): Promise<PagefindModule> {
  const pagefind = (await import(/* @vite-ignore */ href("pagefind/pagefind.js"))) as PagefindModule;
  // Result URLs are site paths; the base keeps them right when the archive lives under a sub-path.
  await pagefind.options({ baseUrl: href(), excerptLength: EXCERPT_WORDS });
  await pagefind.init();
  return pagefind;
}

let filtersLoading: Promise<FilterCounts> | undefined;

/**
 * Every filter's values with their counts over the whole archive, loaded once.
 * Searches return filter counts only after this, so it waits until the reader opens
 * the filters (on a large archive the people list alone costs real bytes).
 */
export function loadFilters(pagefind: PagefindModule): Promise<FilterCounts> {
  filtersLoading ??= pagefind.filters().catch((error: unknown) => {
    filtersLoading = undefined;
    throw error;
  });
  return filtersLoading;
}
