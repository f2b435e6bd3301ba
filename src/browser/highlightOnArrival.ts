/* Marks the searched words on a story opened from a search result (?highlight=…), with Pagefind's highlighter. */

import { href } from "../lib/urls.ts";

const param = document.querySelector<HTMLElement>("[data-highlight-param]")?.dataset["highlightParam"];
if (param) void highlightOnArrival(param);

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
