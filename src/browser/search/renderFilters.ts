import { filterOptions } from "../../lib/search/filterOptions.ts";
import type { FilterCounts } from "../../lib/search/pagefindTypes.ts";
import { FILTER_FIELDS } from "../../lib/search/searchFields.ts";
import type { SearchState } from "../../lib/search/searchState.ts";
import { filterValueText } from "../../lib/search/statusText.ts";

/** Values shown per filter before a "Show all" button; long lists (people) stay scannable. */
const SHOWN_VALUES = 8;

/** One fieldset of checkboxes per filter, each value with its count for the current search (see filterOptions). */
export function renderFilterGroups(container: HTMLElement, counts: FilterCounts, state: SearchState): void {
  const groups = FILTER_FIELDS.map((field) =>
    renderGroup(field, counts[field.key] ?? {}, state.filters[field.key] ?? []),
  );
  container.replaceChildren(...groups.filter((group): group is HTMLFieldSetElement => group !== null));
}

/** The filter values currently ticked in the container, by filter. */
export function readChosenFilters(container: HTMLElement): SearchState["filters"] {
  const chosen: SearchState["filters"] = {};
  for (const { key } of FILTER_FIELDS) {
    const values = [
      ...container.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${key}"]:checked`),
    ].map((box) => box.value);
    if (values.length > 0) chosen[key] = values;
  }
  return chosen;
}

function renderGroup(
  { key, label, plural }: (typeof FILTER_FIELDS)[number],
  counts: Record<string, number>,
  chosen: string[],
): HTMLFieldSetElement | null {
  const options = filterOptions(key, counts, chosen);
  if (options.length === 0) return null;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "search-filter";
  const legend = document.createElement("legend");
  legend.textContent = label;
  const list = document.createElement("ul");
  list.className = "search-filter__values";
  options.forEach(({ value, count, chosen: ticked }, index) => {
    const item = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = key;
    box.value = value;
    box.id = `filter-${key}-${index}`;
    box.checked = ticked;
    const text = document.createElement("label");
    text.htmlFor = box.id;
    text.textContent = filterValueText(value, count);
    item.append(box, text);
    // Ticked values stay visible even when they fall past the cut.
    if (index >= SHOWN_VALUES && !ticked) item.hidden = true;
    list.append(item);
  });
  fieldset.append(legend, list);
  if (list.querySelector("li[hidden]")) fieldset.append(showAllButton(list, `Show all ${options.length} ${plural}`));
  return fieldset;
}

function showAllButton(list: HTMLUListElement, text: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "search-filter__all";
  button.textContent = text;
  button.addEventListener("click", () => {
    const firstHidden = list.querySelector<HTMLLIElement>("li[hidden]");
    for (const item of list.querySelectorAll<HTMLLIElement>("li[hidden]")) item.hidden = false;
    button.remove();
    firstHidden?.querySelector("input")?.focus();
  });
  return button;
}
