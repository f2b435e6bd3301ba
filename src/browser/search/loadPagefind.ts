import type { FilterCounts, PagefindModule, PagefindSearcher } from "../../lib/search/pagefindTypes.ts";
import { EXCERPT_WORDS } from "../../lib/search/resultView.ts";
import { dateDirection, joinShardResponses, parseShardList } from "../../lib/search/shards.ts";
import { href } from "../../lib/urls.ts";

let loading: Promise<PagefindModule> | undefined;

/** Pagefind's browser bundle (written by the build, so never bundled) with the shards in `pagefind/shards.json` merged in; a failed load may be retried. */
export function loadPagefind(): Promise<PagefindModule> {
  loading ??= importPagefind().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Options every index gets: result URLs are site paths, so the base keeps them right under a sub-path. */
const indexOptions = () => ({ baseUrl: href(), excerptLength: EXCERPT_WORDS });

async function importPagefind(): Promise<PagefindModule> {
  const [pagefind, shards] = await Promise.all([
    import(/* @vite-ignore */ href("pagefind/pagefind.js")) as Promise<PagefindModule>,
    readShardList(),
  ]);
  await pagefind.options(indexOptions());
  await pagefind.init();
  // Merged shards share the primary's WebAssembly; each adds its small metadata file.
  await Promise.all(shards.map((folder) => pagefind.mergeIndex(href(folder), indexOptions())));
  return shards.length === 0 ? pagefind : withDateSortByShard(pagefind, shards);
}

/** The extra shards' folders; a missing or unreadable list means the archive has one index. */
async function readShardList(): Promise<string[]> {
  try {
    const response = await fetch(href("pagefind/shards.json"));
    return response.ok ? parseShardList(await response.json()) : [];
  } catch {
    return [];
  }
}

/**
 * The merged module, except that a date-sorted search asks each shard alone and joins the lists (merged
 * search re-sorts by score). The separate indexes are made on the first date sort.
 */
function withDateSortByShard(pagefind: PagefindModule, shards: readonly string[]): PagefindModule {
  let separate: Promise<PagefindSearcher[]> | undefined;
  let filtersWanted = false;
  let separateFilters: Promise<unknown> | undefined;
  const separateIndexes = () =>
    (separate ??= Promise.all(
      ["pagefind/", ...shards].map(async (folder) => {
        const index = pagefind.createInstance({ basePath: href(folder) });
        await index.options(indexOptions());
        return index;
      }),
    ));
  return {
    ...pagefind,
    search: async (term, options) => {
      const direction = dateDirection(options);
      if (!direction) return pagefind.search(term, options);
      const indexes = await separateIndexes();
      // Pagefind counts filters for a search only once that index has loaded them.
      if (filtersWanted) await (separateFilters ??= Promise.all(indexes.map((index) => index.filters())));
      return joinShardResponses(await Promise.all(indexes.map((index) => index.search(term, options))), direction);
    },
    filters: () => {
      filtersWanted = true;
      return pagefind.filters();
    },
  };
}

let filtersLoading: Promise<FilterCounts> | undefined;

/** Every filter's values and counts, loaded once when the reader opens the filters (searches count filters only after). */
export function loadFilters(pagefind: PagefindModule): Promise<FilterCounts> {
  filtersLoading ??= pagefind.filters().catch((error: unknown) => {
    filtersLoading = undefined;
    throw error;
  });
  return filtersLoading;
}
