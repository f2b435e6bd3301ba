/*
 * The one script every page carries. It loads nothing of search until asked:
 * "/" focuses the search box, and a story opened from a search result
 * (?highlight=…) fetches Pagefind's highlighter to mark the words.
 */
import { HIGHLIGHT_PARAM } from "../lib/search/searchFields.ts";
import { href } from "../lib/urls.ts";

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
    link.href = href(`pagefind/${file}`);
    document.head.append(link);
  }
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM) && document.querySelector("[data-pagefind-body]")) {
  void highlightOnArrival();
}

async function highlightOnArrival(): Promise<void> {
  type Highlighter = new (options: Record<string, unknown>) => unknown;
  const module = (await import(/* @vite-ignore */ href("pagefind/pagefind-highlight.js"))) as { default: Highlighter };
  new module.default({
    highlightParam: HIGHLIGHT_PARAM,
    // Our stylesheet colours <mark>; an injected <style> would break a strict CSP.
    addStyles: false,
    markOptions: { className: "search-highlight", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"] },
  });
  // Chromium scrolls to the #fragment as the page finishes loading; reveal the mark after that.
  if (document.readyState !== "complete") await new Promise((done) => addEventListener("load", done, { once: true }));
  requestAnimationFrame(revealFirstMark);
}

// The #anchor brings the question into view; the marked words may sit further down its answer.
function revealFirstMark(): void {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const marks = [...document.querySelectorAll<HTMLElement>("mark.search-highlight")];
  const first = target
    ? marks.find((mark) => target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)
    : marks[0];
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) first.scrollIntoView({ block: "center" });
}

// "/" typed into a text field is text; on a checkbox or button it is free to mean "search".
function isEditable(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName));
}
