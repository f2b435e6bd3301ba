/*
 * The one script every page carries. It loads nothing of search until asked:
 * "/" focuses the search box, and a story opened from a search result
 * (?highlight=…) fetches Pagefind's highlighter to mark the words. On stories,
 * a question's permalink copies itself.
 */
import { HIGHLIGHT_PARAM } from "../lib/search/searchFields.ts";

const SEARCH_BOX = "[data-search-box]";

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (isEditable(event.target)) return;
  const box = document.querySelector<HTMLInputElement>(SEARCH_BOX);
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

const headerBox = document.querySelector<HTMLInputElement>(`.site-search ${SEARCH_BOX}`);
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
    link.href = `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pagefind/${file}`;
    document.head.append(link);
  }
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM) && document.querySelector("[data-pagefind-body]")) {
  // A chunk of its own: only readers arriving from a search result download it.
  void import("./highlightOnArrival.ts");
}

// A question's "#" permalink also copies its address, where the clipboard allows.
document.addEventListener("click", (event) => {
  const anchor = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(".transcript .heading-anchor") : null;
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
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName));
}
