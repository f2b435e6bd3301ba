/*
 * The one script every page carries. It loads nothing of search until asked:
 * "/" focuses the search box, and a story opened from a search result
 * (?highlight=…) fetches highlightOnArrival.ts, which marks the words. On stories,
 * a question's permalink copies itself.
 */

import highlighterUrl from "./highlightOnArrival.ts?worker&url";
// Story pages' outline, in this one file: a second script would cost story pages more bytes than
// its few hundred do on every other page, where it finds no outline and does nothing.
import "./outlineTracker.ts";

const SEARCH_BOX = "[data-search-box]";
// src/lib/urls.ts's basePath(), restated: importing it would cost every page a shared chunk.
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, "/");
const header = document.querySelector<HTMLElement>(".site-header");

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (isEditable(event.target)) return;
  const box = document.querySelector<HTMLInputElement>(SEARCH_BOX);
  if (!box) return;
  event.preventDefault();
  // The header's box may have scrolled away: pin the header (sticky keeps its place in the
  // flow, so nothing below it moves) instead of scrolling the reader back to the top.
  const inHeader = header?.contains(box) ?? false;
  if (inHeader && header && header.getBoundingClientRect().bottom < 0) header.dataset["pinned"] = "";
  box.focus({ preventScroll: inHeader });
  box.select();
});

// Once focus leaves the header, it goes back to its place at the top of the page.
header?.addEventListener("focusout", (event) => {
  if (!(event.relatedTarget instanceof Node && header.contains(event.relatedTarget))) delete header.dataset["pinned"];
});

const headerBox = header?.querySelector<HTMLInputElement>(SEARCH_BOX);
headerBox?.addEventListener("focus", prefetchSearch, { once: true });
headerBox?.addEventListener("keydown", (event) => {
  // Chromium clears a search box on Esc by itself; an empty box then lets go of focus.
  if (event.key === "Escape" && headerBox.value === "") headerBox.blur();
});

/** A reader who reaches for the box is about to search: warm the cache for the search page. */
function prefetchSearch(): void {
  for (const file of ["pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"]) {
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = `${BASE}pagefind/${file}`;
    document.head.append(link);
  }
}

// Story pages name the parameter that carries searched words (HIGHLIGHT_PARAM), so this
// script needs no import: a shared chunk would cost every page another request.
const highlightParam = document.querySelector<HTMLElement>("[data-highlight-param]")?.dataset["highlightParam"];
// The highlighter is a file of its own, fetched only by a reader arriving from a search result:
// "?worker&url" makes Vite build it separately and hand back its address, with no import() helper.
if (highlightParam && new URLSearchParams(location.search).has(highlightParam)) {
  const script = document.createElement("script");
  script.src = highlighterUrl;
  document.head.append(script);
}

// A question's "#" permalink also copies its address, where the clipboard allows.
document.addEventListener("click", (event) => {
  const anchor =
    event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(".transcript .heading-anchor") : null;
  if (!anchor || !navigator.clipboard) return;
  const status = document.getElementById("copy-status");
  navigator.clipboard.writeText(anchor.href).then(
    () => {
      anchor.dataset["copied"] = "";
      setTimeout(() => delete anchor.dataset["copied"], 2000);
      if (status) status.textContent = "Link to this question copied.";
    },
    () => {
      // Refused (permissions, insecure origin): the address bar now holds the link.
      if (status) status.textContent = "Copy the link from the address bar.";
    },
  );
});

// "/" typed into a text field is text; on a checkbox or button it is free to mean "search".
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.matches(
        "textarea, select, input:not([type=checkbox], [type=radio], [type=button], [type=submit], [type=reset])",
      ))
  );
}
