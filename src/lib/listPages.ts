/* Long lists in pages of a fixed size: page 1 at /<section>/, then /<section>/page/2/ (/stories/<id>/ are stories). */
import { positiveIntegerSetting } from "./envSetting.ts";
import { formatNumber } from "./plural.ts";
import { site } from "../site.config.ts";

/** Items per list page: `ARCHIVE_LIST_PAGE_SIZE` when set (tests force tiny pages), else site.listPageSize. */
export function listPageSize(env: Record<string, string | undefined> = process.env): number {
  return positiveIntegerSetting("ARCHIVE_LIST_PAGE_SIZE", site.listPageSize, "items", env);
}

/** Pages a list of `total` items needs, `size` to a page: at least 1, even when empty. */
function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Page `number` (1-based) of `items`, `size` to a page: its `count` of pages, items, 1-based positions (`first` 0 if none). */
export function listPage<T>(items: readonly T[], number: number, size: number) {
  const count = pageCount(items.length, size);
  if (!Number.isInteger(number) || number < 1 || number > count) {
    throw new Error(`page ${number} is outside 1-${count}`);
  }
  const start = (number - 1) * size;
  const pageItems = items.slice(start, start + size);
  const first = pageItems.length ? start + 1 : 0;
  return { number, count, items: pageItems, first, last: start + pageItems.length, total: items.length };
}

/** "Stories 3–4 of 5" (or "Story 5 of 5" alone on its page), for a page's lede. */
export function pageRange(page: Record<"first" | "last" | "total", number>, one: string, many: string): string {
  if (page.first === page.last) return `${one} ${formatNumber(page.first)} of ${formatNumber(page.total)}`;
  return `${many} ${formatNumber(page.first)}–${formatNumber(page.last)} of ${formatNumber(page.total)}`;
}

/** Page numbers after the first, as getStaticPaths params for /<section>/page/[page]/. */
export function laterPageParams(total: number, size: number): { params: { page: string } }[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => ({ params: { page: String(i + 2) } }));
}

/** Site path of page `number` of a section ("stories/" -> "stories/", "stories/page/2/"). */
export function listPagePath(section: string, number: number): string {
  return number === 1 ? section : `${section}page/${number}/`;
}

/** Page numbers the pager shows (first, last, two either side of the current), null where numbers are skipped. */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const prev = out.at(-1);
    if (typeof prev === "number" && n - prev > 1) out.push(n - prev === 2 ? prev + 1 : null);
    out.push(n);
  }
  return out;
}
