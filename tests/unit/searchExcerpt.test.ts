import { describe, expect, it } from "vitest";
import { parseExcerpt } from "../../src/lib/search/excerpt.ts";

describe("parseExcerpt", () => {
  it("turns Pagefind's <mark> runs into marked segments", () => {
    expect(parseExcerpt("a <mark>Staff</mark> and <mark>Project</mark> here")).toEqual([
      { text: "a ", marked: false },
      { text: "Staff", marked: true },
      { text: " and ", marked: false },
      { text: "Project", marked: true },
      { text: " here", marked: false },
    ]);
  });

  it("marks a phrase as one run, spaces included", () => {
    expect(parseExcerpt("a <mark>“Staff</mark> <mark>Project.”</mark> <mark>Did</mark>, you")).toEqual([
      { text: "a ", marked: false },
      { text: "“Staff Project.” Did", marked: true },
      { text: ", you", marked: false },
    ]);
  });

  it("keeps any other markup as text, decoded from Pagefind's &lt; and &gt;", () => {
    const segments = parseExcerpt(
      "We wrote &lt;script&gt;alert(1)&lt;/script&gt; & <img src=x onerror=alert(1)> <mark>zebra</mark>",
    );
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(["zebra"]);
    expect(segments.map((s) => s.text).join("")).toBe(
      "We wrote <script>alert(1)</script> & <img src=x onerror=alert(1)> zebra",
    );
  });

  it("returns nothing for an empty excerpt", () => {
    expect(parseExcerpt("")).toEqual([]);
  });
});
