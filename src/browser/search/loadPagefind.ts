import type { PagefindModule, PagefindSearcher } from "../../lib/search/pagefindTypes.ts";
import { EXCERPT_WORDS } from "../../lib/search/resultView.ts";
import { joinShardResponses, parseShardList } from "../../lib/search/shards.ts";
import { href } from "../../lib/urls.ts";

/** `load` run on the first call and its promise shared; after a failure the next call tries again. */
function onceUntilFailed<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/** Pagefind's browser bundle (written by the build, so never bundled) with the shards in `pagefind/shards.json` merged in. */
export const loadPagefind = onceUntilFailed(async () => {
  const [pagefind, shards] = await Promise.all([
    import(/* @vite-ignore */ href("pagefind/pagefind.js")) as Promise<PagefindModule>,
    readShardList(),
  ]);
  await pagefind.options(indexOptions());
  await pagefind.init();
  // Merged shards share the primary's WebAssembly; each adds its small metadata file.
  await Promise.all(shards.map((folder) => pagefind.mergeIndex(href(folder), indexOptions())));
  return shards.length === 0 ? pagefind : withDateSortByShard(pagefind, shards);
});

/** Every filter's values and counts, loaded once the reader opens the filters (searches count filters only after). */
export const loadFilters = onceUntilFailed(async () => (await loadPagefind()).filters());

/** Options every index gets: result URLs are site paths, so the base keeps them right under a sub-path. */
const indexOptions = () => ({ baseUrl: href(), excerptLength: EXCERPT_WORDS });

/** The extra shards' folders; a missing or unreadable list means the archive has one index. */
const readShardList = (): Promise<string[]> =>
  fetch(href("pagefind/shards.json"))
    .then((response) => (response.ok ? response.json() : []))
    .then(parseShardList, () => []);

/** The merged module, but a date sort asks each shard alone (made on first use) and joins the lists: merged search re-sorts by score. */
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
      const direction = options?.sort?.["date"];
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
