/*
 * Marks the searched words on a story opened from a search result (?highlight=…)
 * with Pagefind's own highlighter, then brings the first mark into view.
 */
import { HIGHLIGHT_PARAM } from "../lib/search/searchFields.ts";

async function highlightOnArrival(): Promise<void> {
  type Highlighter = new (options: Record<string, unknown>) => unknown;
  const module = (await import(/* @vite-ignore */ `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pagefind/pagefind-highlight.js`)) as { default: Highlighter };
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

void highlightOnArrival();
