import type { ExcerptSegment } from "../../lib/search/excerpt.ts";
import type { ResultView } from "../../lib/search/resultView.ts";
import { roleLine } from "../../lib/labels.ts";

/** Class of each result's link; keyboard navigation moves between these. */
export const RESULT_LINK_CLASS = "search-result__link";

/**
 * One result as a list item. Every string goes in as text; the excerpt's marked
 * runs become <mark> elements built here, so no HTML from the index is parsed.
 */
export function renderResult(view: ResultView): HTMLLIElement {
  const item = el("li", "search-result");
  const heading = el("h2", "search-result__heading");
  const link = el("a", RESULT_LINK_CLASS);
  link.href = view.href;
  link.append(el("span", "search-result__person", view.person));
  if (view.question) {
    // A space between the two blocks keeps the link's accessible name readable.
    link.append(" ", el("span", "search-result__question", view.question));
  }
  if (view.subheading) link.append(" ", el("span", "search-result__subheading", view.subheading));
  heading.append(link);
  item.append(heading, el("p", "search-result__story", storyLine(view)), renderExcerpt(view.excerpt));
  return item;
}

/** The excerpt paragraph: text runs, with matched words in <mark>. */
export function renderExcerpt(segments: ExcerptSegment[]): HTMLParagraphElement {
  const paragraph = el("p", "search-result__excerpt");
  for (const segment of segments) {
    paragraph.append(segment.marked ? el("mark", undefined, segment.text) : segment.text);
  }
  return paragraph;
}

function storyLine(view: ResultView): string {
  return [roleLine(view.role, view.company), view.date].filter(Boolean).join(" · ");
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
