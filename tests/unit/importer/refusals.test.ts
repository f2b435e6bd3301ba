import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBatch, type ImportOptions } from "../../../tools/importer/importBatch.ts";
import type { Sidecar } from "../../../tools/importer/sidecar.ts";
import { JANE_TRANSCRIPT, cleanUp, importOptions, makeContentRoot, snapshot, writeFixture } from "./_fixtures.ts";

let dir: string;
let content: string;
beforeEach(() => ({ dir, content } = makeContentRoot()));
afterEach(() => cleanUp(dir));

const GOOD = JANE_TRANSCRIPT;
const META: Sidecar = {
  summary: "Jane on writing things down.",
  source: { name: "Example", url: "https://example.com/jane/" },
};
const options = (more: Partial<ImportOptions> = {}): ImportOptions => importOptions(content, more);
const sidecar = (name: string, yaml: string) => writeFixture(dir, `${name}.import.yaml`, yaml);
const goodSidecar = (name: string) =>
  sidecar(name, `summary: ${META.summary}\nsource:\n  name: ${META.source!.name}\n  url: ${META.source!.url}\n`);

/** Runs a batch that must be refused: returns the messages and checks nothing changed on disk. */
function refused(files: string[], more: Partial<ImportOptions> = {}): string[] {
  const before = snapshot(content);
  const result = importBatch(files, options(more));
  expect(result.written).toBe(false);
  expect(result.errors.length).toBeGreaterThan(0);
  expect(snapshot(content)).toEqual(before);
  return result.errors.map((e) => e.message);
}

describe("refusals name the file and the reason, and write nothing", () => {
  it("an empty file", () => {
    const file = writeFixture(dir, "empty.txt", "");
    expect(refused([file])).toEqual([`${file}: the file is empty; there is nothing to import`]);
  });

  it("a file of blank lines", () => {
    const file = writeFixture(dir, "blank.txt", "\n  \n\t\n");
    expect(refused([file])[0]).toBe(`${file}: the file holds only whitespace; there is nothing to import`);
  });

  it("a binary file", () => {
    const file = writeFixture(
      dir,
      "photo.txt",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    );
    expect(refused([file])[0]).toMatch(new RegExp(`^${file}: looks like a binary file \\(NUL byte at offset 8\\)`));
  });

  it("a file that is not UTF-8", () => {
    const latin1 = Buffer.from("What is Zürich like?\n\nCold.\n", "latin1");
    const file = writeFixture(dir, "latin1.txt", latin1);
    expect(refused([file])[0]).toBe(
      `${file}: is not valid UTF-8 (first bad byte at offset 9); re-save it as UTF-8 text`,
    );
  });

  it("a control character in the text", () => {
    const file = writeFixture(dir, "bell.txt", "What?\n\nDing\u0007!\n");
    expect(refused([file])[0]).toBe(`${file}: line 3, column 5: control character U+0007; remove it (it is not text)`);
  });

  it("a text with no recognisable questions", () => {
    const file = writeFixture(
      dir,
      "essay.txt",
      "Jane Doe\n\nStaff Engineer at Acme\n\nThis story was recorded in May, 2021.\n",
    );
    goodSidecar("essay");
    expect(refused([file])[0]).toMatch(new RegExp(`^${file}: no recognisable questions`));
  });

  it("a text whose lines never ask anything", () => {
    const file = writeFixture(
      dir,
      "essay.txt",
      "Jane Doe\n\nStaff Engineer at Acme\n\nI write things down.\n\nThen I read them.\n",
    );
    sidecar("essay", "summary: s\nrecorded: 2021-05\nsource: { name: E, url: https://example.com/ }\n");
    expect(refused([file])[0]).toMatch(
      new RegExp(`^${file}: no recognisable questions: no line reads as an interviewer's prompt`),
    );
  });

  it("a thread with a question and no reply", () => {
    const file = writeFixture(dir, "thread.txt", "| how do you deploy? |\n");
    sidecar(
      "thread",
      "person: { name: Sam }\nrole: Engineer\ncompany: Acme\nrecorded: 2015-10\nsummary: s\nsource: { name: HN, url: https://news.ycombinator.com/item?id=1 }\n",
    );
    expect(refused([file])[0]).toMatch(/the quoted question has no reply after it/);
  });

  it("a file that does not exist", () => {
    const file = join(dir, "missing.txt");
    expect(refused([file])[0]).toBe(`${file}: file not found; pass the path of a .txt transcript`);
  });

  it("missing metadata, naming the sidecar and the flags to use", () => {
    const file = writeFixture(dir, "jane.txt", GOOD);
    expect(refused([file])[0]).toBe(
      `${join(dir, "jane.import.yaml")}: missing summary (--summary), source.name (--source-name), source.url (--source-url): add them to this sidecar file or pass the flags`,
    );
  });

  it("a sidecar with an unknown field or a bad URL", () => {
    const file = writeFixture(dir, "jane.txt", GOOD);
    sidecar("jane", "summary: s\nsumary: typo\nsource:\n  url: javascript:alert(1)\n");
    const [message] = refused([file]);
    expect(message).toContain(`${join(dir, "jane.import.yaml")}: `);
    expect(message).toContain('unknown field "sumary"');
    expect(message).toContain('"source.url" must be an http(s) URL');
  });

  it("a correction that points at no line", () => {
    const file = writeFixture(dir, "jane.txt", GOOD);
    sidecar(
      "jane",
      `summary: s\nsource: { name: E, url: "https://example.com/" }\nnotQuestions: ["What do you think"]\n`,
    );
    expect(refused([file])[0]).toBe(
      `${join(dir, "jane.import.yaml")}: "notQuestions" entry "What do you think" matches no line; quote the first words of exactly one line, or give its number`,
    );
  });

  it("a slug that already exists, unless --force", () => {
    const file = writeFixture(dir, "jane.txt", GOOD);
    goodSidecar("jane");
    expect(importBatch([file], options()).written).toBe(true);
    const changed = writeFixture(dir, "jane.txt", GOOD.replace("I write things down.", "I write everything down."));
    expect(refused([changed])[0]).toBe(
      `${changed}: the slug "jane-doe" already exists (${join(content, "stories", "jane-doe.mdx")}); pass --force to replace that story, or --slug to import it under a new one`,
    );
    const forced = importBatch([changed], options({ force: true }));
    expect(forced.errors).toEqual([]);
    expect(forced.writes.find((w) => w.path.endsWith("jane-doe.mdx"))?.action).toBe("replace");
  });

  it("story flags with more than one file", () => {
    const a = writeFixture(dir, "a.txt", GOOD);
    const b = writeFixture(dir, "b.txt", GOOD);
    expect(refused([a, b], { flags: META })[0]).toMatch(/story flags .* apply to one story; give exactly one FILE/);
  });
});

describe("batches are all-or-nothing", () => {
  it("writes nothing when one file of three is refused, and reports every problem", () => {
    const good = writeFixture(dir, "jane.txt", GOOD);
    goodSidecar("jane");
    const alsoGood = writeFixture(dir, "john.txt", GOOD.replace("Jane Doe", "John Roe"));
    goodSidecar("john");
    const bad = writeFixture(dir, "bad.txt", "");
    const messages = refused([good, bad, alsoGood]);
    expect(messages).toEqual([`${bad}: the file is empty; there is nothing to import`]);
  });

  it("refuses two files that would share a slug", () => {
    const a = writeFixture(dir, "a.txt", GOOD);
    goodSidecar("a");
    const b = writeFixture(dir, "b.txt", GOOD);
    goodSidecar("b");
    expect(refused([a, b])[0]).toBe(
      `${b}: has the same slug "jane-doe" as ${a} in this batch; give one of them --slug`,
    );
  });

  it("writes everything when every file is fine", () => {
    const a = writeFixture(dir, "jane.txt", GOOD);
    goodSidecar("jane");
    const b = writeFixture(dir, "john.txt", GOOD.replace("Jane Doe", "John Roe"));
    goodSidecar("john");
    const result = importBatch([a, b], options());
    expect(result.errors).toEqual([]);
    expect(Object.keys(snapshot(content)).sort()).toEqual([
      "people/jane-doe.yaml",
      "people/john-roe.yaml",
      "sources/jane-doe.import.yaml",
      "sources/jane-doe.txt",
      "sources/john-roe.import.yaml",
      "sources/john-roe.txt",
      "stories/jane-doe.mdx",
      "stories/john-roe.mdx",
    ]);
  });

  it("--dry-run and --check write nothing", () => {
    const file = writeFixture(dir, "jane.txt", GOOD);
    goodSidecar("jane");
    const dry = importBatch([file], options({ dryRun: true }));
    expect(dry.errors).toEqual([]);
    expect(dry.writes.map((w) => w.action)).toEqual(["create", "create", "create", "create"]);
    const check = importBatch([file], options({ check: true }));
    expect(check.errors).toEqual([]);
    expect(snapshot(content)).toEqual({});
  });
});
