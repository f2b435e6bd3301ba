import { describe, expect, it } from "vitest";
import { personData, storyData } from "../../src/schema/schema.ts";

const valid = {
  person: "jane-doe",
  role: "Staff Engineer",
  company: "Acme",
  recorded: "2021-05",
  kind: "interview",
  source: { name: "StaffEng", url: "https://staffeng.com/stories/jane-doe/" },
  summary: "How Jane leads without managing.",
  topics: ["Sponsorship"],
};

describe("story schema", () => {
  it("accepts a complete story and fills defaults", () => {
    const parsed = storyData.parse({ ...valid, kind: undefined, topics: undefined });
    expect(parsed.kind).toBe("interview");
    expect(parsed.topics).toEqual([]);
    expect(parsed.editorialNotes).toEqual([]);
  });

  it("accepts a YAML date object for recorded and keeps the day", () => {
    expect(storyData.parse({ ...valid, recorded: new Date("2021-05-14") }).recorded).toBe("2021-05-14");
  });

  it.each([
    ["recorded", "May 2021", /2021-05/],
    ["recorded", "2021-13", /2021-05/],
    ["kind", "podcast", /interview|discussion/],
    ["source", { name: "X", url: "javascript:alert(1)" }, /http/],
    ["summary", "", /summary|>=?1|too small/i],
  ])("rejects a bad %s with a message that says what is expected", (field, value, message) => {
    const result = storyData.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it("requires the fields that attribution depends on", () => {
    const { source: _source, ...withoutSource } = valid;
    const result = storyData.safeParse(withoutSource);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["source"]);
  });
});

describe("person schema", () => {
  it("accepts a name alone", () => {
    expect(personData.parse({ name: "Jane Doe" }).links).toEqual([]);
  });
  it("rejects a link that is not http(s)", () => {
    expect(personData.safeParse({ name: "Jane", links: [{ label: "x", url: "javascript:alert(1)" }] }).success).toBe(
      false,
    );
  });
});
