import { describe, expect, it } from "vitest";
import {
  laterPageParams,
  listPage,
  listPagePath,
  listPageSize,
  pageRange,
  pagerNumbers,
} from "../../src/lib/listPages.ts";

describe("list pages", () => {
  it("reads ARCHIVE_LIST_PAGE_SIZE, defaults to 100, and refuses anything but a whole number from 1", () => {
    expect(listPageSize({})).toBe(100);
    expect(listPageSize({ ARCHIVE_LIST_PAGE_SIZE: " " })).toBe(100);
    expect(listPageSize({ ARCHIVE_LIST_PAGE_SIZE: "3" })).toBe(3);
    for (const bad of ["0", "-2", "2.5", "ten"]) {
      expect(() => listPageSize({ ARCHIVE_LIST_PAGE_SIZE: bad })).toThrow(
        `ARCHIVE_LIST_PAGE_SIZE must be a whole number of items, 1 or more; got "${bad}".`,
      );
    }
  });

  it("splits a list into pages that cover every item once, in order", () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const pages = [1, 2, 3].map((n) => listPage(items, n, 3));
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.map((p) => [p.first, p.last, p.count])).toEqual([
      [1, 3, 3],
      [4, 6, 3],
      [7, 7, 3],
    ]);
    expect(pageRange(pages[1]!, "Story", "Stories")).toBe("Stories 4–6 of 7");
    expect(pageRange(pages[2]!, "Story", "Stories")).toBe("Story 7 of 7");
    expect(pageRange(listPage(Array.from({ length: 12_345 }), 2, 1_000), "Story", "Stories")).toBe(
      "Stories 1,001–2,000 of 12,345",
    );
    expect(() => listPage(items, 4, 3)).toThrow("page 4 is outside 1-3");
    expect(listPage([], 1, 3)).toMatchObject({ count: 1, first: 0, last: 0, items: [] });
    expect(laterPageParams(7, 3)).toEqual([{ params: { page: "2" } }, { params: { page: "3" } }]);
    expect(laterPageParams(3, 3)).toEqual([]);
  });

  it("puts page 1 at the section and later pages under page/", () => {
    expect(listPagePath("stories/", 1)).toBe("stories/");
    expect(listPagePath("stories/", 12)).toBe("stories/page/12/");
  });

  it("shows the first, last and nearby page numbers, with gaps marked", () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerNumbers(50, 100)).toEqual([1, null, 48, 49, 50, 51, 52, null, 100]);
    // A gap of one number shows the number, not an ellipsis.
    expect(pagerNumbers(4, 100)).toEqual([1, 2, 3, 4, 5, 6, null, 100]);
  });
});
