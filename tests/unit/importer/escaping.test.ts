import { describe, expect, it } from "vitest";
import { escapeLine } from "../../../tools/importer/inline.ts";
import { compile } from "./_compile.ts";

/** Every case must come back as exactly its own text, with no element, expression or module. */
function expectVerbatim(text: string): ReturnType<typeof compile> {
  const compiled = compile(escapeLine(text));
  expect(compiled.foreign, `unexpected nodes for ${JSON.stringify(text)}`).toEqual([]);
  expect(compiled.text).toBe(text);
  return compiled;
}

describe("escaping: HTML, and what MDX would run, is shown as text", () => {
  it.each([
    ["expression", "The answer is {alert(1)} and {window.x = 1}."],
    ["comment expression", "{/* hidden */} stays visible"],
    ["unbalanced braces", "a } b { c"],
    ["script tag", '<script>window.__pwned = "script"</script>'],
    ["img onerror", '<img src="x" onerror="alert(1)">'],
    ["inline JSX", "<b>bold</b> and <Component prop={1} />"],
    ["HTML comment", "<!-- not a comment -->"],
    ["comparisons", "a < b > c and x<y"],
    ["fragment", "<>fragment</>"],
    ["style tag", "<style>body{display:none}</style>"],
  ])("%s", (_name, text) => {
    expectVerbatim(text);
  });

  it.each([
    ["import", 'import evil from "data:text/javascript,alert(1)"'],
    ["export", "export const x = alert(1)"],
    ["export default", "export default function () {}"],
    ["import without spaces", 'import{a}from"b"'],
  ])("%s line", (_name, text) => {
    expectVerbatim(text);
  });
});

describe("escaping: Markdown syntax is shown as written", () => {
  it.each([
    ["entities", "&amp; &lt;b&gt; &#123; &copy and &"],
    ["inline code", "use `let` not `var`"],
    ["fence", "```js fence```"],
    ["fence at line start", "```"],
    ["tilde fence", "~~~"],
    ["heading", "# not a heading"],
    ["level-2 heading", "## not a heading ##"],
    ["hashtag", "#uplevel readiness"],
    ["block quote", "> not a quote"],
    ["table row", "| not | a | table |"],
    ["bullet star", "* not a list"],
    ["bullet dash", "- not a list"],
    ["bullet plus", "+ not a list"],
    ["ordered dot", "1. not a list"],
    ["ordered paren", "2) not a list"],
    ["thematic break dashes", "---"],
    ["thematic break stars", "***"],
    ["thematic break underscores", "___"],
    ["setext underline", "==="],
    ["task list", "- [ ] not a task"],
    ["footnote definition", "[^1]: not a footnote"],
    ["link reference definition", "[ref]: https://example.com"],
    ["emphasis", "*em* **strong** _em_ __strong__"],
    ["strikethrough", "~~gone~~ and H~2~O"],
    ["markdown link", "[click](https://example.com)"],
    ["image", "![alt](https://example.com/x.png)"],
    ["backslashes", "a \\ b \\* c \\"],
    ["math-looking", "$x + y$ and $$z$$"],
    ["directive-looking", ":::note and ^sup^"],
    ["intraword underscores", "snake_case_name and _a team. _This"],
  ])("%s", (_name, text) => {
    expectVerbatim(text);
  });
});

describe("escaping: links", () => {
  it("makes a real https URL a link and keeps its text", () => {
    const url = "https://example.com/a_b*c*?q={x}&y=%20#frag";
    const compiled = expectVerbatim(`See ${url} now`);
    expect(compiled.links).toHaveLength(1);
    expect(compiled.links[0]).toMatch(/^https:\/\/example\.com\/a_b\*c\*\?q=/);
  });

  it("leaves sentence punctuation outside the link", () => {
    const compiled = expectVerbatim("Read https://infraeng.dev/smruti-patel/. Then (https://example.com/a_(b)).");
    expect(compiled.links).toEqual(["https://infraeng.dev/smruti-patel/", "https://example.com/a_(b)"]);
  });

  it.each([
    ["javascript: markdown link", "[x](javascript:alert(1))"],
    ["javascript: angle autolink", "<javascript:alert(1)>"],
    ["bare javascript:", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["e-mail address", "Feel free to shoot me a resume: jorge@stripe.com"],
    ["mailto", "mailto:jane@example.com"],
    ["www without scheme", "www.example.com is not a link"],
    ["credentials in URL", "https://user:secret@evil.example.com/"],
    ["scheme glued to a word", "xhttps://example.com"],
    ["ftp", "ftp://example.com/file"],
  ])("never links %s", (_name, text) => {
    expect(expectVerbatim(text).links).toEqual([]);
  });

  it.each([
    ["an escaped character inside a www. link", "www.x.com/a_b and www.&amp; ok"],
    ["an entity after an e-mail address", "jorge@stripe.com&amp;"],
    ["a tag after a www. link", "www.x.com/<b>bold</b>"],
    ["emphasis marks after www.", "www.*a www.* and www._b_"],
    ["non-ASCII before an e-mail address", "é€🎉 jorge@stripe.com"],
  ])("keeps %s as text, word for word", (_name, text) => {
    expect(expectVerbatim(text).links).toEqual([]);
  });

  it("writes e-mail addresses and www. as they are: the site's story plugin keeps them from linking", () => {
    expect(escapeLine("jorge@stripe.com or www.example.com")).toBe("jorge@stripe.com or www.example.com");
  });

  it("keeps an e-mail address inside a URL's link text", () => {
    expect(expectVerbatim("https://example.com/a.b@c.de").links).toHaveLength(1);
  });
});

describe("escaping: characters are kept as written", () => {
  it.each([
    ["typographic quotes and dashes", "“normal” ‘Staff’ – — … ’"],
    ["emoji", "🎉 👩🏽‍💻 🇺🇦"],
    ["Arabic", "مرحبا بالعالم (RTL) ok"],
    ["Hebrew", "שלום עולם"],
    ["tabs", "a\tb\t\tc"],
    ["no-break spaces", "why did I get this?\u00a0\u00a0unsubscribe"],
    ["line separator", "a\u2028b"],
    ["straight quotes", `"automate everything" and it's`],
  ])("%s", (_name, text) => {
    expectVerbatim(text);
  });
});

describe("escaping: fuzz", () => {
  // Seeded so a failure reproduces; the tokens are the ones Markdown, GFM, HTML and MDX care about,
  // with link triggers that Sätteri's autolinking lets swallow a following escape.
  const tokens = [
    "{",
    "}",
    "<",
    ">",
    "&",
    "`",
    "*",
    "_",
    "~",
    "#",
    "|",
    "[",
    "]",
    "(",
    ")",
    "!",
    "\\",
    "@",
    ":",
    "-",
    "+",
    "=",
    ".",
    "1.",
    "2)",
    " ",
    "\t",
    "a",
    "Z",
    "é",
    "🎉",
    "ש",
    "import ",
    "export ",
    "http://",
    "https://",
    "www.",
    "x.com",
    "amp;",
    "script",
    "javascript:",
    "mailto:",
    "jorge",
    "/",
    "?",
    '"',
    "'",
    "“",
    "$",
    "^",
    ":::",
    "www.x.com",
    "a@b.co",
    "amp;",
    "b>",
  ];
  let seed = 20151009;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it("round-trips 3,000 random hostile lines", () => {
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(random() * 12);
      const text = Array.from({ length }, () => tokens[Math.floor(random() * tokens.length)]!)
        .join("")
        .trim();
      if (text === "") continue;
      const compiled = compile(escapeLine(text));
      expect(compiled.foreign, JSON.stringify(text)).toEqual([]);
      expect(compiled.text, JSON.stringify(text)).toBe(text);
      for (const href of compiled.links) expect(href, JSON.stringify(text)).toMatch(/^https?:\/\//);
    }
  });
});
