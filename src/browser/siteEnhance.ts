/* The script on every page: "/" focuses search, ?highlight=… fetches highlightOnArrival.ts, a permalink copies itself. */

import highlighterUrl from "./highlightOnArrival.ts?worker&url";
// Story pages' outline, in this one file: a second script would cost story pages more bytes than
// its few hundred do on every other page, where it finds no outline and does nothing.
import "./outlineTracker.ts";

const SEARCH_BOX = "[data-search-box]";
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
headerBox?.addEventListener("keydown", (event) => {
  // Chromium clears a search box on Esc by itself; an empty box then lets go of focus.
  if (event.key === "Escape" && headerBox.value === "") headerBox.blur();
});

// Story pages name the parameter (HIGHLIGHT_PARAM), so no shared chunk costs every page a request;
// "?worker&url" builds the highlighter as a file of its own with no import() helper.
const highlightParam = document.querySelector<HTMLElement>("[data-highlight-param]")?.dataset["highlightParam"];
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
      (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) &&
        !/box|radio|button|submit|reset/.test((target as HTMLInputElement).type)))
  );
}
