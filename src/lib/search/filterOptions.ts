import type { FilterKey } from "./searchFields.ts";

/** The checkboxes for one filter: values results have, or ticked (so a choice can be undone); years newest first, others by count. */
export function filterOptions(key: FilterKey, counts: Record<string, number>, chosen: string[]) {
  const all = new Map(Object.entries(counts));
  for (const value of chosen) if (!all.has(value)) all.set(value, 0);
  const options = [...all]
    .map(([value, count]) => ({ value, count, chosen: chosen.includes(value) }))
    .filter((option) => option.count > 0 || option.chosen);
  if (key === "year") return options.sort((a, b) => b.value.localeCompare(a.value));
  return options.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
