import { describe, expect, it } from "vitest";
import { checkRoundTrip, expectedText, type RoundTripInput } from "../../../tools/importer/roundTrip.ts";
import type { SourceLine } from "../../../tools/importer/types.ts";

// The round trip guards every import, so it must be able to fail: each test feeds it a
// story that is wrong in one way and expects that exact fault back.
const source: SourceLine[] = ["Why?", "", "Because.", "  • one", "  2. two", "| quoted |"].map((text, i) => ({
  number: i + 1,
  text,
}));
const input = (markdown: string, more: Partial<RoundTripInput> = {}): RoundTripInput => ({
  markdown,
  lines: source,
  clutter: new Set(),
  header: [],
  headerValues: { name: "", role: "" },
  editorialHeadings: [],
  ...more,
});
const GOOD = "## Why?\n\nBecause.\n\n- one\n\n2. two\n\nquoted\n";

describe("round-trip check", () => {
  it("passes a faithful story", () => {
    expect(checkRoundTrip(input(GOOD))).toEqual({ ok: true, missing: [], unsafe: [], extra: [], checkedLines: 5 });
  });

  it("reports a line that is missing", () => {
    const result = checkRoundTrip(input(GOOD.replace("Because.\n", "")));
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual([{ line: 3, text: "Because." }]);
  });

  it("reports lines that come out of order", () => {
    // "one" is found before "Because.", so once "Because." is matched, line 4 has nothing left to match.
    expect(checkRoundTrip(input("## Why?\n\n- one\n\nBecause.\n\n2. two\n\nquoted\n")).missing).toEqual([
      { line: 4, text: "  • one" },
    ]);
  });

  it("finds an answer that repeats words of its question in the answer, not in the heading", () => {
    const lines = ["Is it hello world?", "", "hello world"].map((text, i) => ({ number: i + 1, text }));
    const story = "## Is it hello world?\n\nhello world\n";
    expect(checkRoundTrip(input(story, { lines }))).toMatchObject({ ok: true, extra: [], missing: [] });
    expect(checkRoundTrip(input("## Is it hello world?\n", { lines })).missing).toEqual([
      { line: 3, text: "hello world" },
    ]);
  });

  it("reads emphasis marks as layout and emphasis as text", () => {
    const lines = [{ number: 1, text: "Trust _and verify_, always." }];
    expect(checkRoundTrip(input("Trust *and verify*, always.\n", { lines })).ok).toBe(true);
    expect(checkRoundTrip(input("Trust *and*, always.\n", { lines })).ok).toBe(false);
  });

  it("allows removing only the lines reported as clutter", () => {
    expect(checkRoundTrip(input(GOOD.replace("quoted\n", ""), { clutter: new Set([6]) })).ok).toBe(true);
  });

  it.each([
    ["script element", "<script>alert(1)</script>"],
    ["expression", "{alert(1)}"],
    ["ESM", 'import x from "y"'],
    ["javascript: link", "[x](javascript:alert(1))"],
    ["image", "![x](https://example.com/x.png)"],
    ["emphasis", "*Because.*"],
  ])("reports an unsafe %s", (_name, bad) => {
    const result = checkRoundTrip(input(`${GOOD}\n${bad}\n`));
    expect(result.ok).toBe(false);
    expect(result.unsafe.length + result.extra.length).toBeGreaterThan(0);
  });

  it("reports text the source does not have", () => {
    expect(checkRoundTrip(input(`${GOOD}\nInvented sentence.\n`)).extra).toEqual(["Invented sentence."]);
  });

  it("accepts a header line only when the page header shows it word for word", () => {
    const header = [{ line: 3, text: "Because.", field: "name" as const, value: "Because." }];
    const withoutLine = GOOD.replace("Because.\n", "");
    expect(checkRoundTrip(input(withoutLine, { header, headerValues: { name: "Because.", role: "" } })).ok).toBe(true);
    expect(
      checkRoundTrip(input(withoutLine, { header, headerValues: { name: "Because", role: "" } })).missing,
    ).toHaveLength(1);
  });

  it("treats bullets, numbers and quote bars as layout", () => {
    expect(expectedText("  • What makes it hard?")).toBe("What makes it hard?");
    expect(expectedText("  3. Technical knowledge.")).toBe("Technical knowledge.");
    expect(expectedText("| hi jorge ;) |")).toBe("hi jorge ;)");
    expect(expectedText("a\t\tb")).toBe("a b");
  });
});
