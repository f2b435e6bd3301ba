import { pathToFileURL } from "node:url";
import { markdownToHtml, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { findLiveContent } from "../../src/markdown/liveContent.ts";
import { externalLinksPlugin } from "../../src/markdown/externalLinks.ts";
import { inertStoriesPlugin } from "../../src/markdown/inertStories.ts";

const frontmatter = "---\nperson: jane-doe\n---\n\n"; // the body starts on line 5

describe("live content in a story", () => {
  it.each([
    ["an import line", 'import fs from "node:fs"', /import\/export line is JavaScript/],
    ["an export line", "export const leak = process.env", /import\/export line is JavaScript/],
    ["a flow expression", "{process.exit(1)}", /\{process\.exit\(1\)\} is an MDX expression/],
    ["an inline expression", "Hello {globalThis.x} there", /\{globalThis\.x\} is an MDX expression/],
    ["a script element", "<script>alert(1)</script>", /<script> is a script element/],
    [
      "an event handler",
      'Hi <b onClick="steal()">there</b>',
      /<b> is an HTML\/JSX element with an event handler \(onClick\)/,
    ],
    ["an image with onerror", '<img src="x" onerror="alert(1)" />', /<img> .*event handler \(onerror\)/],
    ["a component", "<Tracker />", /<Tracker> is an HTML\/JSX element/],
    ["a javascript: link", "[click](javascript:alert(1))", /a link to "javascript:alert\(1\)" is not allowed/],
    ["a mixed-case scheme", "[click](JaVaScRiPt:alert(1))", /"JaVaScRiPt:alert\(1\)" is not allowed/],
    ["an entity-encoded scheme", "[click](&#106;avascript:alert(1))", /"javascript:alert\(1\)" is not allowed/],
    ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD4=)", /"data:text\/html.*" is not allowed/],
    ["a vbscript: reference definition", "[1]: vbscript:msgbox\n\n[x][1]", /"vbscript:msgbox" is not allowed/],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2Zz4=)", /an image to "data:image/],
    ["a relative link", "[other story](../other/)", /a link to "\.\.\/other\/" is not allowed/],
    ["a string that is not a link breaker", 'Hi {"a" + globalThis.x}', /is an MDX expression/],
    ["a long string literal", 'Hi {"hello"}', /is an MDX expression/],
  ])("rejects %s with its file line", (_name, body, message) => {
    const findings = findLiveContent(frontmatter + body, "mdx");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.line).toBe(5);
    expect(findings.map((f) => f.message).join("\n")).toMatch(message);
    expect(findings[0]?.hint).toBeTruthy();
  });

  it("reports every construct, each once, in source order", () => {
    const body = ["{a}", "", "<b>x {c}</b>", "", "[y](javascript:z)"].join("\n");
    expect(findLiveContent(frontmatter + body, "mdx").map((f) => f.line)).toEqual([5, 7, 9]);
  });

  it("no longer lets the old MDX link breakers through: a story holds no expressions at all", () => {
    const findings = findLiveContent(frontmatter + 'Mail jorge{"@"}stripe.com', "mdx");
    expect(findings.map((f) => f.message)).toEqual([
      '{"@"} is an MDX expression (JavaScript), and stories must be plain text',
    ]);
  });

  it.each([
    ["a script element", "<script>alert(1)</script>", 5],
    ["an inline tag with a handler", 'Hello <img src=x onerror="alert(1)"> there', 5],
    ["an HTML comment", "Words\n\n<!-- hidden -->", 7],
    ["a comment that splits a word", "jorge<!---->@stripe.com", 5],
  ])("rejects %s in a .md story as raw HTML, at its line", (_name, body, line) => {
    const findings = findLiveContent(frontmatter + body, "md");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({
      line,
      message: expect.stringMatching(/^raw HTML .* is not allowed in stories$/) as string,
    });
  });

  it("reads braces and import lines in a .md story as the text they are", () => {
    expect(findLiveContent(frontmatter + "import fs from 'node:fs'\n\n{process.exit(1)}", "md")).toEqual([]);
  });

  it("lets escaped and ordinary text through", () => {
    const body = [
      "She typed \\<script>alert(1)\\</script> and \\{process.exit(1)\\} into the box.",
      "",
      "&#105;mport fs from node:fs is how the line began; x < 3 and y > 2.",
      "",
      "[a site](https://example.com/?q=1) [mail](mailto:jane@example.com) [a question](#why)",
      "",
      "![diagram](https://example.com/d.png)",
    ].join("\n");
    expect(findLiveContent(frontmatter + body, "mdx")).toEqual([]);
  });

  it("turns an MDX syntax error into a finding at the parser's position", () => {
    const [finding, ...rest] = findLiveContent(frontmatter + "Text\n\nShe said <unclosed and left", "mdx");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 7, message: expect.stringMatching(/^MDX syntax error: /) as string });
  });

  it("rejects raw HTML in a Markdown (.md) story, where it would pass straight through", () => {
    const findings = findLiveContent(
      frontmatter + "Hi <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n",
      "md",
    );
    expect(findings.map((f) => f.line)).toEqual([5, 7]);
    expect(findings[0]?.message).toMatch(/^raw HTML <img src=x onerror=alert\(1\)> is not allowed/);
    expect(findings[1]?.message).toMatch(/^raw HTML <script>alert\(1\)<\/script> is not allowed/);
  });
});

describe("inertStoriesPlugin", () => {
  const storiesDir = "/archive/content/stories";
  const compile = (file: string, source: string) =>
    mdxToJs(source, { mdastPlugins: [inertStoriesPlugin(storiesDir)], fileURL: pathToFileURL(file) });

  it("stops the compile of a hostile story with line:column and the fix", async () => {
    await expect(async () =>
      compile(`${storiesDir}/jane.mdx`, frontmatter + "{danger}\n\n<script>x</script>"),
    ).rejects.toThrow(
      /^5:1: \{danger\} is an MDX expression .*\(and 1 more; run npm run build to list them all\)\. To show braces/,
    );
  });

  it("leaves MDX outside the stories folder alone", async () => {
    expect((await compile("/archive/src/pages/about.mdx", "{1 + 1}")).code).toContain("1 + 1");
  });

  it("compiles a clean story", async () => {
    expect((await compile(`${storiesDir}/jane.mdx`, frontmatter + "Plain words.")).code).toContain("Plain words.");
  });
});

describe("externalLinksPlugin", () => {
  const render = async (markdown: string) =>
    (await markdownToHtml(markdown, { hastPlugins: [externalLinksPlugin()] })).html;

  it("adds noopener noreferrer to links to other sites", async () => {
    const html = await render("[a](https://example.com/) [b](HTTP://example.org/)");
    expect(html).toContain('<a href="https://example.com/" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="HTTP://example.org/" rel="noopener noreferrer">b</a>');
  });

  it("leaves in-page anchors and mail links as they are", async () => {
    const html = await render("[q](#why) [m](mailto:a@example.com)");
    expect(html).not.toContain("rel=");
  });
});
