import { filterOptions } from "../../lib/search/filterOptions.ts";
import type { FilterCounts } from "../../lib/search/pagefindTypes.ts";
import { FILTER_FIELDS } from "../../lib/search/searchFields.ts";
import { readSearchState, type SearchState } from "../../lib/search/searchState.ts";
import { el } from "../el.ts";

/** Values shown per filter before a "Show all" button; long lists (people) stay scannable. */
const SHOWN_VALUES = 8;

/** One fieldset of checkboxes per filter, each value with its count for the current search (see filterOptions). */
export function renderFilterGroups(container: HTMLElement, counts: FilterCounts, state: SearchState): void {
  const groups = FILTER_FIELDS.map((field) =>
    renderGroup(field, counts[field.key] ?? {}, state.filters[field.key] ?? []),
  );
  container.replaceChildren(...groups.filter((group) => group !== null));
}

/** The filter values currently ticked in the container, by filter. */
export function readChosenFilters(container: HTMLElement): SearchState["filters"] {
  const params = new URLSearchParams();
  for (const box of container.querySelectorAll<HTMLInputElement>("input:checked")) params.append(box.name, box.value);
  return readSearchState(params).filters;
}

function renderGroup(
  { key, label, plural }: (typeof FILTER_FIELDS)[number],
  counts: Record<string, number>,
  chosen: string[],
): HTMLFieldSetElement | null {
  const options = filterOptions(key, counts, chosen);
  if (options.length === 0) return null;
  const list = el("ul", "search-filter__values bare-list");
  options.forEach(({ value, count, chosen: ticked }, index) => {
    const box = Object.assign(el("input"), {
      type: "checkbox",
      name: key,
      value,
      id: `filter-${key}-${index}`,
      checked: ticked,
    });
    const text = el("label", undefined, `${value} (${count})`);
    text.htmlFor = box.id;
    const item = el("li");
    item.append(box, text);
    // Ticked values stay visible even when they fall past the cut.
    item.hidden = index >= SHOWN_VALUES && !ticked;
    list.append(item);
  });
  const fieldset = el("fieldset", "search-filter");
  fieldset.append(el("legend", undefined, label), list);
  const hidden = [...list.querySelectorAll<HTMLLIElement>("li[hidden]")];
  if (hidden.length === 0) return fieldset;
  const showAll = el("button", "search-filter__all", `Show all ${options.length} ${plural}`);
  showAll.type = "button";
  showAll.addEventListener("click", () => {
    for (const item of hidden) item.hidden = false;
    showAll.remove();
    hidden[0]?.querySelector("input")?.focus();
  });
  fieldset.append(showAll);
  return fieldset;
}
