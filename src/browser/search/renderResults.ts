import type { ResultView } from "../../lib/search/resultView.ts";
import { roleLine } from "../../lib/labels.ts";

/** Class of each result's link; keyboard navigation moves between these. */
export const RESULT_LINK_CLASS = "search-result__link";

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

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
