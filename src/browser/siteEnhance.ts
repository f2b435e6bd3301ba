/*
 * The one script every page carries. It loads nothing of search until asked:
 * "/" focuses the search box, and a story opened from a search result
 * (?highlight=…) fetches Pagefind’s highlighter to mark the words. On stories,
 * a question's permalink copies itself.
 */

import { href } from "../lib/urls.ts";

const SEARCH_BOX = "[data-search-box]";
const header = document.querySelector<HTMLElement>("[data-site-header]");

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
    link.href = href(`pagefind/${file}`);
    document.head.append(link);
  }
}

// Story pages name the parameter that carries searched words (HIGHLIGHT_PARAM), so this
// script needs no import: a shared chunk would cost every page another request.
const highlightParam = document.querySelector<HTMLElement>("[data-highlight-param]")?.dataset["highlightParam"];
if (highlightParam && new URLSearchParams(location.search).has(highlightParam)) void highlightOnArrival(highlightParam);

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
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName));
}

async function highlightOnArrival(highlightParam: string): Promise<void> {
  // A script element, not import(): Vite would wrap an import() in a kilobyte of preload
  // helper. Pagefind's highlighter registers itself as window.PagefindHighlight.
  await new Promise((loaded, failed) => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = href("pagefind/pagefind-highlight.js");
    script.addEventListener("load", loaded, { once: true });
    script.addEventListener("error", failed, { once: true });
    document.head.append(script);
  });
  const Highlighter = (window as unknown as { PagefindHighlight: new (options: Record<string, unknown>) => unknown })
    .PagefindHighlight;
  new Highlighter({
    highlightParam,
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
