/* The search page: reads the search from the URL, runs it through Pagefind as the reader types, keeps the URL in step. */
import { endsInShortWord, inOpenPhrase, parseQuery, type ParsedQuery } from "../../lib/search/parseQuery.ts";
import type { FilterCounts, PagefindModule, PagefindResult } from "../../lib/search/pagefindTypes.ts";
import { rerankByProximity } from "../../lib/search/rerank.ts";
import { promoteExact, toResultView, type ResultView } from "../../lib/search/resultView.ts";
import {
  hasFilters,
  isSearchable,
  pagefindSearchOptions,
  readSearchState,
  searchStateQueryString,
  type SearchState,
  type SortOrder,
} from "../../lib/search/searchState.ts";
import { resultCountText, shownText } from "../../lib/search/statusText.ts";
import { href } from "../../lib/urls.ts";
import { loadFilters, loadPagefind } from "./loadPagefind.ts";
import { readChosenFilters, renderFilterGroups } from "./renderFilters.ts";
import { el } from "../el.ts";
import { RESULT_LINK_CLASS, renderResult, wireResultKeys } from "./resultList.ts";

/** Results rendered at first, and added by each "Show more". */
const PAGE_SIZE = 6;
/** Up to this many stories, every result is read after the first page shows, so the status can count answers. */
const COUNT_ALL_UP_TO = 30;
/** Pause after a keystroke before searching: short, so results keep up with typing. */
const TYPING_PAUSE_MS = 30;
/** Pause while the word being typed is one or two letters, or a quoted phrase is still open: searched only if the reader stops there. */
const UNFINISHED_PAUSE_MS = 400;
/** Screen readers hear the count once typing settles, not once per keystroke. */
const ANNOUNCE_DELAY_MS = 300;

/**
 * The candidates for the search `asked`, loaded up to `next`: `rejected` lacked a quoted phrase word for word,
 * `answers` counts matching sections; `counted` is a copy read to the end, for the status of a small list.
 */
interface Found {
  asked: SearchState;
  query: ParsedQuery;
  candidates: PagefindResult[];
  next: number;
  rejected: number;
  answers: number;
  counted?: Found;
}

/** The query's words without quotes: what Pagefind matches loosely. */
const looseWords = (query: ParsedQuery) => query.text.replace(/"/g, " ").trim();

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = document.querySelector<HTMLInputElement>("#search-input");
const sort = document.querySelector<HTMLSelectElement>("#search-sort");
const filterPanel = document.querySelector<HTMLDetailsElement>("[data-search-filters]");
const filterGroups = document.querySelector<HTMLElement>("[data-filter-groups]");
const filterSummary = document.querySelector<HTMLElement>("[data-filter-summary]");
const status = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-results");
const more = document.querySelector<HTMLButtonElement>("[data-search-more]");
const shownLine = document.querySelector<HTMLElement>("[data-search-shown]");

if (form && input && sort && filterPanel && filterGroups && filterSummary && status && list && more && shownLine) {
  let state: SearchState = readSearchState(new URLSearchParams(location.search));
  let generation = 0;
  let found: Found | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let searching = false;
  let searchAgain = false;
  let pagefindLoaded = false;
  let announcing: ReturnType<typeof setTimeout> | undefined;
  const pageTitle = document.title;

  /** Runs the current search, one at a time (Pagefind answers in order, so one per keystroke would queue up); only the newest waits. */
  const search = (): void => {
    clearTimeout(typingTimer);
    searchAgain = searching;
    if (searching) return;
    searching = true;
    void run().finally(() => {
      searching = false;
      if (searchAgain) search();
    });
  };

  const run = async (): Promise<void> => {
    const current = ++generation;
    // The reader may type on while this search runs; its results are labelled with its own words.
    const asked = state;
    // A newer keystroke makes this search stale: it stops before loading results nobody will see.
    const isCurrent = () => current === generation && asked === state;
    syncUrl();
    const query = parseQuery(asked.query);
    const wantsFilters = filterPanel.open || hasFilters(asked);
    if (!isSearchable(asked) || (asked.query !== "" && looseWords(query) === "")) {
      found = undefined;
      list.replaceChildren();
      showStatus("");
      updateMore();
      if (wantsFilters) await withPagefind(isCurrent, async () => renderFilters(await loadFilters()));
      return;
    }
    await withPagefind(isCurrent, async (pagefind) => {
      if (wantsFilters) await loadFilters();
      const options = pagefindSearchOptions(asked);
      let response = await pagefind.search(query.text === "" ? null : query.text, options);
      // Pagefind's own phrase match misses some spellings ("macro economic" for "macro-economic");
      // its loose words still find them, and the page keeps only stories holding the phrase.
      if (response.results.length === 0 && query.phrases.length > 0) {
        response = await pagefind.search(looseWords(query), options);
      }
      if (!isCurrent()) return;
      // Pagefind ranks by word frequency; its match positions rank phrases first across all results.
      // Words Pagefind was asked for: a run that long is the phrase, side by side.
      const wordCount = looseWords(query)
        .split(/\s+/)
        .filter((word) => /[\p{Letter}\p{Number}]/u.test(word)).length;
      const candidates = asked.sort === "relevance" ? rerankByProximity(response.results, wordCount) : response.results;
      const next: Found = { asked, query, candidates, next: 0, rejected: 0, answers: 0 };
      const views = await loadPage(next);
      if (!isCurrent()) return;
      found = next;
      // Exact wording first, but only where relevance decides the order.
      const promote = asked.sort === "relevance" && asked.query !== "" && query.phrases.length === 0;
      list.replaceChildren(...(promote ? promoteExact(views) : views).map(renderResult));
      updateMore();
      if (wantsFilters) renderFilters(response.filters);
      showStatus(statusFor(next));
      // Not awaited: the next keystroke's search must not wait for a count.
      if (next.next < candidates.length && candidates.length <= COUNT_ALL_UP_TO) void countAnswers(next, isCurrent);
    });
  };

  /** Reads the rest of a small list (then cached for "Show more") to count its answers and the stories holding the phrase. */
  const countAnswers = async (page: Found, isCurrent: () => boolean): Promise<void> => {
    const whole = { ...page };
    try {
      await loadPage(whole, Number.POSITIVE_INFINITY);
    } catch {
      return; // A count is a courtesy: the results are shown already.
    }
    if (!isCurrent()) return;
    page.counted = whole;
    showStatus(statusFor(page));
  };

  const statusFor = (page: Found): string => {
    const read = page.counted ?? page;
    return resultCountText({
      query: page.asked.query,
      count: page.candidates.length - read.rejected,
      filtered: hasFilters(page.asked),
      ...(read.next >= read.candidates.length ? { answers: read.answers } : {}),
    });
  };

  /** Puts a message in the live region after a short pause; a newer message replaces a waiting one, "" clears at once. */
  const showStatus = (message: string) => {
    clearTimeout(announcing);
    if (message === "") status.textContent = "";
    else announcing = setTimeout(() => (status.textContent = message), ANNOUNCE_DELAY_MS);
  };

  /** Runs `work` once Pagefind is loaded, unless a newer search has started; reports a failed load. */
  const withPagefind = async (isCurrent: () => boolean, work: (pagefind: PagefindModule) => Promise<void>) => {
    try {
      const pagefind = await loadPagefind();
      pagefindLoaded = true;
      if (isCurrent()) await work(pagefind);
    } catch (error) {
      if (!isCurrent()) return;
      console.error(error);
      clearTimeout(announcing);
      const stories = Object.assign(el("a", undefined, "browse every story"), { href: href("stories/") });
      status.replaceChildren("Search could not load. Reload the page to try again, or ", stories, ".");
    }
  };

  /** Loads data for up to `want` more candidates, dropping those that miss a quoted phrase. */
  const loadPage = async (page: Found, want = PAGE_SIZE): Promise<ResultView[]> => {
    const views: ResultView[] = [];
    while (views.length < want && page.next < page.candidates.length) {
      const batch = page.candidates.slice(page.next, page.next + want - views.length);
      page.next += batch.length;
      for (const data of await Promise.all(batch.map((result) => result.data()))) {
        const view = toResultView(data, page.query);
        if (page.query.phrases.length > 0 && !view.exact) page.rejected += 1;
        else {
          views.push(view);
          page.answers += view.answers;
        }
      }
    }
    return views;
  };

  const updateMore = () => {
    const remaining = found !== undefined && found.next < found.candidates.length;
    more.hidden = !remaining;
    shownLine.textContent =
      found && remaining ? shownText(list.children.length, found.candidates.length - found.rejected) : "";
  };

  const renderFilters = (counts: FilterCounts) => {
    renderFilterGroups(filterGroups, counts, state);
    const chosen = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
    filterSummary.textContent = chosen > 0 ? `(${chosen} chosen)` : "";
  };

  const syncUrl = () => {
    const search = searchStateQueryString(state);
    if (search !== location.search)
      history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    document.title = state.query === "" ? pageTitle : `“${state.query}” · ${pageTitle}`;
  };

  /** Fetches the index chunks of the words typed so far, so the search after the last keystroke only ranks; typing never starts the load. */
  const preload = (raw: string) => {
    const words = looseWords(parseQuery(raw));
    if (words === "" || endsInShortWord(raw) || !pagefindLoaded) return;
    void loadPagefind()
      .then((pagefind) => pagefind.preload(words, pagefindSearchOptions(state)))
      .catch(() => undefined);
  };

  const clear = () => {
    input.value = "";
    state = { ...state, query: "" };
    search();
  };

  input.value = state.query;
  sort.value = state.sort;
  if (hasFilters(state)) filterPanel.open = true;

  input.addEventListener("input", () => {
    state = { ...state, query: input.value.trim() };
    syncUrl();
    clearTimeout(typingTimer);
    const unfinished = endsInShortWord(input.value) || inOpenPhrase(input.value);
    typingTimer = setTimeout(search, unfinished ? UNFINISHED_PAUSE_MS : TYPING_PAUSE_MS);
    // Only while the search waits: a preload queued ahead of a search that runs anyway only delays it.
    if (unfinished) preload(input.value);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state = { ...state, query: input.value.trim() };
    search();
  });
  sort.addEventListener("change", () => {
    state = { ...state, sort: sort.value as SortOrder };
    search();
  });
  filterPanel.addEventListener("toggle", () => {
    if (filterPanel.open) search();
  });
  filterPanel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !filterPanel.open) return;
    event.preventDefault();
    filterPanel.open = false;
    filterPanel.querySelector("summary")?.focus();
  });
  filterGroups.addEventListener("change", () => {
    state = { ...state, filters: readChosenFilters(filterGroups) };
    search();
  });
  const showMore = async (): Promise<void> => {
    const page = found;
    if (!page) return;
    const firstNew = list.children.length;
    const views = await loadPage(page);
    if (page !== found) return;
    list.append(...views.map(renderResult));
    updateMore();
    list.children[firstNew]?.querySelector<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`)?.focus();
  };
  more.addEventListener("click", () => void showMore());

  wireResultKeys(input, list, clear);

  if (state.query === "") input.focus();
  search();
}
