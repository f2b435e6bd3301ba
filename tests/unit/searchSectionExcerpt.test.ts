import { describe, expect, it } from "vitest";
import { excerptAroundRun, longestRun } from "../../src/lib/search/excerpt.ts";

describe("longestRun", () => {
  it("finds the longest stretch of consecutive positions, the earliest on a tie", () => {
    expect(longestRun([21, 34, 92, 93, 94, 95, 96, 97, 114])).toEqual({ start: 92, length: 6 });
    expect(longestRun([5, 6, 9, 10])).toEqual({ start: 5, length: 2 });
    expect(longestRun([7])).toEqual({ start: 7, length: 1 });
    expect(longestRun([])).toEqual({ start: 0, length: 0 });
  });

  it("ignores order and repeats", () => {
    expect(longestRun([12, 10, 11, 11])).toEqual({ start: 10, length: 3 });
  });
});

describe("excerptAroundRun", () => {
  const raw = "zero one two three four five six seven eight nine";

  it("centres on the run and marks every matched word in view", () => {
    expect(excerptAroundRun(raw, { start: 4, length: 2 }, [1, 4, 5], { from: 0, to: 10 }, 4)).toBe(
      "three <mark>four</mark> <mark>five</mark> six",
    );
  });

  it("slides to stay within the section and the text", () => {
    expect(excerptAroundRun(raw, { start: 8, length: 2 }, [8, 9], { from: 0, to: Infinity }, 4)).toBe(
      "six seven <mark>eight</mark> <mark>nine</mark>",
    );
    expect(excerptAroundRun(raw, { start: 3, length: 1 }, [3], { from: 2, to: 5 }, 6)).toBe(
      "two <mark>three</mark> four",
    );
  });
});
