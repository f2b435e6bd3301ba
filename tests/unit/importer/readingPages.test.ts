import { describe, expect, it } from "vitest";
import { dateOnlyLine, labelledDate, parseMonthYear } from "../../../tools/importer/header.ts";
import { readInline, plainText } from "../../../tools/importer/inline.ts";
import { readHeader, readRoleLine } from "../../../tools/importer/header.ts";
import { readMarkup } from "../../../tools/importer/markup.ts";
import { scoreLine, QUESTION_SCORE } from "../../../tools/importer/questions.ts";
import { readTranscriptLine } from "../../../tools/importer/transcript.ts";
import type { SourceLine } from "../../../tools/importer/types.ts";

const numbered = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ number: i + 1, text }));
const asks = (text: string) => scoreLine(text).score >= QUESTION_SCORE;

describe("dates in every shape pages print them", () => {
  it.each([
    ["January, 2021", "2021-01"],
    ["Feb 2023", "2023-02"],
    ["2022-06-14", "2022-06"],
    ["14 May 2022", "2022-05"],
    ["March 3, 2022", "2022-03"],
    ["late March 2022", "2022-03"],
  ])("a line that is only “%s” is %s", (line, month) => {
    expect(dateOnlyLine(line)).toBe(month);
  });

  it("does not take a sentence that mentions a month for a date line", () => {
    expect(dateOnlyLine("In May 2020 we moved to Berlin.")).toBeUndefined();
    expect(parseMonthYear("Mayday 2020")).toBeUndefined();
  });

  it.each([
    ["Recorded: 2023-04-18", { field: "recorded", month: "2023-04", whole: true }],
    ["Published March 2023", { field: "published", month: "2023-03", whole: true }],
    ["Posted on 12 May 2022.", { field: "published", month: "2022-05", whole: true }],
    [
      "Story recorded in August, 2020. Learn more about Marcus on his blog.",
      { field: "recorded", month: "2020-08", whole: false },
    ],
    ["Written interview in early June, 2022.", { field: "recorded", month: "2022-06", whole: false }],
  ])("“%s” is a dated header line", (line, expected) => {
    expect(labelledDate(line)).toEqual(expected);
  });
});

describe("header lines", () => {
  it("reads a company with a “.” in it, and a role with no company", () => {
    expect(readRoleLine("Senior Principal Engineer at Twilio Inc.")).toEqual({
      role: "Senior Principal Engineer",
      company: "Twilio Inc.",
    });
    expect(readRoleLine("Staff Engineer at Booking.com")).toEqual({ role: "Staff Engineer", company: "Booking.com" });
    expect(readRoleLine("Strategic Advisor to Uber's VP of Infrastructure")).toEqual({
      role: "Strategic Advisor to Uber's VP of Infrastructure",
    });
    expect(readRoleLine("I joined Stripe in 2019 at the start of the year.")).toBeUndefined();
  });

  it("reads the current layout: name, role, bare date, profile links; the first prompt follows", () => {
    const header = readHeader(
      numbered(
        "Priya Raman",
        "Senior Principal Engineer at Twilio Inc.",
        "January, 2021",
        "LinkedIn, Twitter",
        "Tell us about your role.",
      ),
    );
    expect(header.detected).toEqual({
      name: "Priya Raman",
      role: "Senior Principal Engineer",
      company: "Twilio Inc.",
      recorded: "2021-01",
    });
    expect(header.introEnd).toBe(4);
    expect(header.candidates.map((c) => [c.field, c.value])).toEqual([
      ["name", "Priya Raman"],
      ["role", "Senior Principal Engineer at Twilio Inc."],
      ["recorded", "2021-01"],
    ]);
  });

  it("does not take a title line for a name unless header lines follow it", () => {
    expect(
      readHeader(numbered("Engineering Voices", "Kwame Asante on leading without a title")).detected.name,
    ).toBeUndefined();
  });
});

describe("questions from several signals", () => {
  it.each([
    "Where do you feel most impactful as a Staff-plus engineer? A specific story would be grand.",
    "Tell us a little about your current role: where do you work, your title and generally the sort of work that you and your team do.",
    "Looking back, was it worth it?",
    "In my book I argued for fewer programs. Do you think I came to the wrong conclusion? Any advice?",
  ])("asks: %s", (line) => {
    expect(asks(line)).toBe(true);
  });

  it.each([
    'A few months later a career coach asked me, "What would let you approach each day with energy and optimism?"',
    "Within a month two of the efforts had merged. The lesson for me was simple: What does sponsorship look like?",
    "So competence and autonomy are solved, but how do we as leaders then address purpose?",
    "I keep asking myself the same thing about every process we run: does this still earn its place?",
  ])("answers: %s", (line) => {
    expect(asks(line)).toBe(false);
  });
});

describe("emphasis in plain text", () => {
  it("reads an e-mail's italics, with the space that slipped inside moved out", () => {
    expect(readInline("to _a team. _This required")).toEqual([
      { text: "to " },
      { text: "a team.", emphasis: "em" },
      { text: " This required" },
    ]);
    expect(plainText("a firm believer of ‘Trust _and verify’. _It is")).toBe(
      "a firm believer of ‘Trust and verify’. It is",
    );
  });

  it("keeps underscores and stars that mark nothing", () => {
    for (const text of ["snake_case_name", "a lone _ mark", "2 * 3 * 4", "file_a and file_b"])
      expect(readInline(text)).toEqual([{ text }]);
  });

  it("reads *x* and **x**", () => {
    expect(readInline("*trust, but verify* and **always**")).toEqual([
      { text: "trust, but verify", emphasis: "em" },
      { text: " and " },
      { text: "always", emphasis: "strong" },
    ]);
  });
});

describe("speaker-labelled lines", () => {
  it.each([
    ["[00:12:34] Dana Whitfield: It depends.", { speaker: "Dana Whitfield", time: "00:12:34", text: "It depends." }],
    ["(12:34) Tim: Welcome back.", { speaker: "Tim", time: "00:12:34", text: "Welcome back." }],
    ["Q: How did it start?", { speaker: "Q", text: "How did it start?" }],
    ["staff_sara: Happy to answer.", { speaker: "staff_sara", text: "Happy to answer." }],
  ])("“%s” is a turn", (line, expected) => {
    expect(readTranscriptLine({ number: 1, text: line })).toMatchObject({ kind: "turn", ...expected });
  });

  it("reads a label line, a lone timestamp and a break marker", () => {
    expect(readTranscriptLine({ number: 1, text: "Rosa Lindqvist  0:03" })).toMatchObject({
      kind: "label",
      speaker: "Rosa Lindqvist",
      time: "00:00:03",
    });
    expect(readTranscriptLine({ number: 1, text: "[01:02:03]" })).toMatchObject({ kind: "time", time: "01:02:03" });
    expect(readTranscriptLine({ number: 1, text: "[AD BREAK]" })).toMatchObject({ kind: "break", label: "AD BREAK" });
    expect(readTranscriptLine({ number: 1, text: "[laughs]" })).toMatchObject({ kind: "text" });
  });
});

describe(".md and .html read with real parsers", () => {
  it("reads headings, bold prompts, lists and emphasis from HTML, and leaves out scripts and navigation", () => {
    const html =
      "<nav>Home</nav><main><h1>Mei Lin</h1><h2>What do you do?</h2><p>I <em>write</em>\n  code.</p>" +
      "<ul><li>one</li><li>two</li></ul><script>alert(1)</script></main><footer>©</footer>";
    const read = readMarkup("page.html", html)!;
    expect(read.lines.filter((l) => l.text !== "").map((l) => l.text)).toEqual([
      "Mei Lin",
      "What do you do?",
      "I *write* code.",
      "• one",
      "• two",
    ]);
    expect([...read.marks.questions]).toEqual([3]);
  });

  it("reads Markdown headings and a paragraph set in bold as prompts", () => {
    const read = readMarkup("page.md", "# Noor\n\n**Tell us about you.**\n\nI build _edges_.\n")!;
    expect(read.lines.filter((l) => l.text !== "").map((l) => l.text)).toEqual([
      "Noor",
      "Tell us about you.",
      "I build *edges*.",
    ]);
    expect([...read.marks.questions]).toEqual([3]);
    expect(readMarkup("page.txt", "x")).toBeUndefined();
  });
});
