import { roleLine } from "../../lib/labels.ts";
import type { ResultView } from "../../lib/search/resultView.ts";
import { el } from "../el.ts";

/** Class of each result's link; keyboard navigation moves between these. */
export const RESULT_LINK_CLASS = "search-result__link";
const RESULT_LINK = `a.${RESULT_LINK_CLASS}`;

/** One result as a list item: every string goes in as text, marks are built here, no HTML from the index is parsed. */
export function renderResult(view: ResultView): HTMLLIElement {
  const link = el("a", RESULT_LINK_CLASS);
  link.href = view.href;
  link.append(el("span", "search-result__person", view.person));
  // A space between the blocks keeps the link's accessible name readable.
  if (view.question) link.append(" ", el("span", "search-result__question", view.question));
  if (view.subheading) link.append(" ", el("span", "search-result__subheading", view.subheading));
  const heading = el("h2", "search-result__heading");
  heading.append(link);
  const story = [roleLine(view.role, view.company), view.date].filter(Boolean).join(" · ");
  const excerpt = el("p", "search-result__excerpt");
  excerpt.append(...view.excerpt.map((run) => (run.marked ? el("mark", undefined, run.text) : run.text)));
  const item = el("li", "search-result");
  item.append(heading, el("p", "search-result__story", story), excerpt);
  return item;
}

/** Arrow keys walk from the search box through the result links and back; Esc returns to the box, then clears it. */
export function wireResultKeys(input: HTMLInputElement, results: HTMLElement, clear: () => void): void {
  input.addEventListener("keydown", (event) => {
    const first = results.querySelector<HTMLAnchorElement>(RESULT_LINK);
    if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === "Escape" && input.value !== "") {
      // Handle it ourselves so every browser clears the box and the results alike.
      event.preventDefault();
      clear();
    }
  });
  results.addEventListener("keydown", (event) => {
    const links = [...results.querySelectorAll<HTMLAnchorElement>(RESULT_LINK)];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (at === -1) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      (links[event.key === "ArrowDown" ? at + 1 : at - 1] ?? (event.key === "ArrowUp" ? input : links[at]))?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
}
