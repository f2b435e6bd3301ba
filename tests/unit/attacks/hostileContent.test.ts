/**
 * The hostile-content cases, replayed through the build's content check as `npm run build` meets
 * them: every way a story could run code is refused at its line, and frontmatter stays data.
 */
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "../../../tools/preflight/preflight.ts";
import {
  goodContent,
  removeContentRoots,
  storyFrontmatter,
  storySource,
  withField,
} from "../../support/contentFixture.ts";

afterAll(removeContentRoots);

const BODY_START = storyFrontmatter.length + 4; // ---, frontmatter, ---, blank line

const cases: [string, string][] = [
  ["an import line", 'import fs from "node:fs"'],
  ["an export line", "export const x = process.exit(1)"],
  ["an expression", "{process.exit(1)}"],
  ["an empty-looking comment expression", "{/* hidden */}"],
  ["a script element", "<script>alert(1)</script>"],
  ["an event handler", '<img src="x" onerror="alert(1)" />'],
  ["a javascript: link", "[click](javascript:alert(1))"],
  ["an entity-encoded javascript: link", "[click](&#106;avascript:alert(1))"],
  ["a data: image", "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"],
  ["an iframe", '<iframe src="https://evil.example"></iframe>'],
];

describe("attack: hostile story content", () => {
  for (const [what, line] of cases) {
    it(`refuses ${what} at its line`, () => {
      const root = goodContent({ "stories/jane-doe.mdx": storySource(storyFrontmatter, `Hello.\n\n${line}\n`) });
      const problems = checkContent(root).problems.filter((p) => p.file.endsWith("jane-doe.mdx"));
      expect(problems.length, line).toBeGreaterThan(0);
      expect(problems[0]?.line, line).toBe(BODY_START + 2);
      expect(problems[0]?.message, line).toMatch(/not allowed|plain text|JavaScript/);
    });
  }

  it("refuses raw HTML in a .md story", () => {
    const root = goodContent({
      "stories/jane-doe.mdx": "",
      "stories/jane-doe.md": storySource(storyFrontmatter, "Hello.\n\n<b onclick=alert(1)>hi</b>\n"),
    });
    const problems = checkContent(root).problems.filter((p) => p.file.endsWith("jane-doe.md"));
    expect(problems.map((p) => p.message).join("\n")).toMatch(/raw HTML|not allowed/);
  });

  it("takes script in frontmatter as text: nothing to refuse, it is data", () => {
    const root = goodContent({
      "stories/jane-doe.mdx": storySource(
        withField("summary", `summary: "<script>alert('summary')</script> {process.exit(1)}"`),
      ),
    });
    expect(checkContent(root).problems).toEqual([]);
  });
});
