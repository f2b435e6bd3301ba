import type { FilterKey } from "./searchFields.ts";

/** One checkbox in a filter: a value, how many current results have it, and whether it is ticked. */
export interface FilterOption {
  value: string;
  count: number;
  chosen: boolean;
}

/** The values to offer for one filter: those results have, or ticked (so a choice can be undone); years newest first, others by count. */
export function filterOptions(key: FilterKey, counts: Record<string, number>, chosen: string[]): FilterOption[] {
  const all = new Map(Object.entries(counts));
  for (const value of chosen) if (!all.has(value)) all.set(value, 0);
  const options = [...all]
    .map(([value, count]) => ({ value, count, chosen: chosen.includes(value) }))
    .filter((option) => option.count > 0 || option.chosen);
  if (key === "year") return options.sort((a, b) => b.value.localeCompare(a.value));
  return options.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
