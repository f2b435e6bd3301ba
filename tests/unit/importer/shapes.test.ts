import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseMonthYear } from "../../../tools/importer/header.ts";
import { planStory, type StoryPlan } from "../../../tools/importer/planStory.ts";
import type { Block } from "../../../tools/importer/types.ts";
import { bareCopy, cleanUp, CONTENT, tempDir, writeFixture } from "./_fixtures.ts";

const scratch = tempDir();
afterAll(() => cleanUp(scratch));

const lines = (plan: StoryPlan, type: Block["type"]) =>
  plan.blocks.flatMap((b) => (b.type === type && "line" in b ? [b.line] : []));
const lists = (plan: StoryPlan) =>
  plan.blocks.flatMap((b) =>
    b.type === "list" ? [{ ordered: b.ordered, start: b.start, lines: b.items.map((i) => i.line) }] : [],
  );
const archived = (slug: string) => planStory(join(CONTENT, "sources", `${slug}.txt`), {});

describe("story page (staffeng.com copy)", () => {
  const plan = planStory(bareCopy("dmitry-petrashko", scratch), {}, true);

  it("is recognised, with its banner and footer as clutter", () => {
    expect(plan.shape).toBe("story-page");
    expect(plan.story.source.name).toBe("StaffEng");
    // Line 1 "StaffEng Banner"; 130 "Ready to read another story?" and the book promo and subscribe prompt after it.
    expect(plan.clutter.map((c) => c.line)).toEqual([1, 130, 132, 134, 136]);
  });

  it("reads name, role, company and date from the header", () => {
    expect(plan.person.name).toBe("Dmitry Petrashko");
    expect(plan.story.role).toBe("Technical Advisor to the Head of Infrastructure");
    expect(plan.story.company).toBe("Stripe");
    expect(plan.story.recorded).toBe("2020-05");
    expect(plan.header.map((h) => h.line)).toEqual([3, 5]);
  });

  it("keeps the 'recorded in' line as the opening paragraph", () => {
    expect(plan.blocks[0]).toMatchObject({ type: "paragraph", line: 7 });
  });

  it("makes every line ending in “?” a question, except bullets", () => {
    expect(lines(plan, "question")).toEqual([9, 17, 32, 38, 42, 46, 54, 72, 80, 84, 96, 104, 114, 120, 124]);
  });

  it("turns “•” bullets and “1.” numbering into lists", () => {
    expect(lists(plan)).toEqual([
      { ordered: false, start: 1, lines: [23, 24, 25, 26] },
      { ordered: false, start: 1, lines: [64, 65, 66] },
      { ordered: true, start: 1, lines: [88, 89, 90] },
      { ordered: true, start: 1, lines: [116, 117, 118] },
    ]);
    expect(plan.markdown).toContain("\n- What are you working on?\n- What makes it hard?\n");
    expect(plan.markdown).toContain("\n1. Focusing on impact on business and company.\n2. Being collaborative:");
    expect(plan.markdown).not.toContain("•");
  });
});

describe("newsletter email (Infrastructure Engineer)", () => {
  const bare = planStory(bareCopy("smruti-patel", scratch), {}, true);
  const plan = archived("smruti-patel");

  it("is recognised, with header and footer lines as clutter", () => {
    expect(bare.shape).toBe("newsletter");
    expect(bare.story.source.name).toBe("Infrastructure Engineer");
    expect(bare.clutter.map((c) => c.line)).toEqual([1, 171, 173, 174, 175]);
  });

  it("reads the email's own date, which the sidecar corrects", () => {
    expect(bare.story.recorded).toBe("2021-02");
    expect(plan.story.recorded).toBe("2022-02");
    expect(plan.story.editorialNotes.join(" ")).toContain("early February, 2021");
  });

  it("takes the opening prompt ending in “.” as a question", () => {
    expect(lines(bare, "question")[0]).toBe(7);
  });

  it("reads a “?” line that speaks for the answerer (“For me…”, “how do we…?”) as the answer", () => {
    expect(lines(bare, "question")).not.toContain(86);
    expect(lines(bare, "question")).toContain(84);
  });

  it("reads an answer ending in “?” that speaks as “I” as the answer, and takes the sidecar's corrections", () => {
    expect(lines(bare, "question")).not.toContain(17);
    expect(lines(bare, "question")).toEqual(lines(plan, "question"));
    expect(lines(plan, "question")).toEqual([7, 13, 35, 68, 84, 96, 112, 124, 132, 146, 160]);
  });

  it("finds the sub-headings inside answers", () => {
    expect(lines(plan, "subheading")).toEqual([39, 47, 53]);
    expect(plan.markdown).toContain("\n### Frame the problem. The why\n");
    expect(plan.markdown).toContain("\n### Identify the elements. The what / who\n");
  });

  it("keeps prompts that end in “:” as answer text and warns when their list is missing", () => {
    const line110 = plan.blocks.find((b) => "line" in b && b.line === 110);
    expect(line110).toMatchObject({
      type: "paragraph",
      text: "I’ve had fair success leading such programs, focusing on:",
    });
    expect(plan.warnings).toContain(
      "line 110 ends with “:” but no list follows; the list may be missing from the source",
    );
  });

  it("turns the numbered lines into ordered lists", () => {
    expect(lists(plan)).toEqual([
      { ordered: true, start: 1, lines: [27, 28, 29] },
      { ordered: true, start: 1, lines: [61, 62, 63, 64] },
    ]);
  });
});

describe("forum thread (Hacker News)", () => {
  const plan = archived("jorge-stripe-index-migrations");

  it("becomes a discussion: the quoted question, then the reply", () => {
    expect(plan.shape).toBe("thread");
    expect(plan.story.kind).toBe("discussion");
    expect(plan.blocks.map((b) => b.type)).toEqual([
      "editorial-heading",
      "paragraph",
      "editorial-heading",
      "paragraph",
      "paragraph",
    ]);
    expect(plan.blocks[0]).toEqual({ type: "editorial-heading", text: "Question from eldavido" });
    expect(plan.blocks[2]).toEqual({ type: "editorial-heading", text: "Reply from jorge" });
  });

  it("drops the quote bars but not a word of the question", () => {
    const question = plan.blocks[1] as Extract<Block, { type: "paragraph" }>;
    expect(question.text.startsWith("hi jorge I'd actually applied")).toBe(true);
    expect(question.text.endsWith("sounds like the recovery went pretty smoothly.")).toBe(true);
  });

  it("records the added headings as an editorial note", () => {
    expect(plan.story.editorialNotes).toContain(
      "The headings “Question from eldavido” and “Reply from jorge” were added by the archive; the source has no headings.",
    );
  });

  it("shows the e-mail address as text, not a link", () => {
    expect(plan.markdown).toContain("jorge@stripe.com");
  });
});

describe("plain transcript", () => {
  it("uses the questions it finds and keeps everything else as answers", () => {
    const file = writeFixture(
      scratch,
      "plain.txt",
      "Why archive?\n\nBecause words vanish.\n\n- one\n- two\n\nAnd then?\nWe keep going.\n",
    );
    const plan = planStory(file, {}, true);
    expect(plan.shape).toBe("plain");
    expect(lines(plan, "question")).toEqual([1, 8]);
    expect(lists(plan)).toEqual([{ ordered: false, start: 1, lines: [5, 6] }]);
    expect(plan.roundTrip.ok).toBe(true);
  });

  it("keeps numbers that skip as written instead of letting Markdown renumber them", () => {
    const file = writeFixture(scratch, "skip.txt", "What counts?\n\n1. first\n2. second\n4. fourth\n5. fifth\n");
    const plan = planStory(file, {}, true);
    expect(lists(plan)).toEqual([
      { ordered: true, start: 1, lines: [3, 4] },
      { ordered: true, start: 4, lines: [5, 6] },
    ]);
    // Adjacent lists need different markers, or Markdown would merge them and renumber 4 as 3.
    expect(plan.markdown).toContain("1. first\n2. second\n\n4) fourth\n5) fifth");
  });

  it("leaves a sentence that starts with a year or a lone number as a paragraph", () => {
    const file = writeFixture(
      scratch,
      "year.txt",
      "What happened?\n\n1986. A year, not a list.\n\n3. Measure what matters.\n",
    );
    const plan = planStory(file, {}, true);
    expect(lists(plan)).toEqual([]);
    expect(plan.markdown).toContain("\n1986\\. A year, not a list.\n\n3\\. Measure what matters.\n");
  });
});

describe("dates in header lines", () => {
  it.each([
    ["May, 2020", "2020-05"],
    ["early February, 2021", "2021-02"],
    ["Sept 2019", "2019-09"],
    ["Summer 2019", undefined],
    ["Sep 2019", "2019-09"],
    ["2018-11", "2018-11"],
    ["sometime in 2020", undefined],
  ])("%s", (text, expected) => {
    expect(parseMonthYear(text)).toBe(expected);
  });
});

describe("Q: / A: newsletter with the person named in its header", () => {
  const file = writeFixture(
    scratch,
    "ravi.txt",
    [
      "Ravi Menon",
      "Principal Engineer at Lumen Freight",
      "Recorded: 2023-03-14",
      "Q: How did you end up owning the routing platform?",
      "A: Nobody else wanted the pager, so I kept it.",
      "Q: What advice would you give?",
      "A: Write things down.",
    ].join("\n\n"),
  );
  const plan = planStory(file, {
    summary: "Ravi on routing.",
    source: { name: "Letter", url: "https://example.com/" },
  });

  it("gives the answers to the person the header names, not to an anonymous guest", () => {
    const speakers = plan.blocks.flatMap((b) => (b.type === "turn" ? [b.speaker] : []));
    expect(speakers).toEqual(["Ravi Menon", "Ravi Menon"]);
  });
});
