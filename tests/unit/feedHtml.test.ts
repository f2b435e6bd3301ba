import { describe, expect, it } from "vitest";
import { absoluteSafeUrl, sanitizeFeedHtml } from "../../src/lib/feedHtml.ts";
import { escapeXml } from "../../src/lib/feedXml.ts";
import { htmlElements, htmlText } from "../support/storySource.ts";

const page = "https://example.org/archive/stories/jane-doe/";
const clean = (html: string) => sanitizeFeedHtml(html, page);
const hrefs = (html: string) =>
  htmlElements(clean(html))
    .flatMap((e) => [e.getAttribute("href"), e.getAttribute("src")])
    .filter((v) => v !== undefined);

describe("sanitizeFeedHtml", () => {
  it("keeps headings, lists, quotes, tables and inline markup, with their text", () => {
    const html = `<h2 id="q">Question?</h2><p>An <em>answer</em> with <strong>weight</strong> and <code>code</code>.</p>
      <ul><li>one</li><li>two<ol start="3"><li>three</li></ol></li></ul><blockquote><p>quoted</p></blockquote>
      <table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table><h3>Sub</h3>`;
    const tags = htmlElements(clean(html)).map((e) => e.localName);
    expect(tags).toEqual([
      "h2",
      "p",
      "em",
      "strong",
      "code",
      "ul",
      "li",
      "li",
      "ol",
      "li",
      "blockquote",
      "p",
      "table",
      "thead",
      "tr",
      "th",
      "tbody",
      "tr",
      "td",
      "h3",
    ]);
    expect(htmlText(clean(html))).toBe(htmlText(html));
    expect(clean(html)).toContain('<ol start="3">');
    expect(clean(html)).toContain('<td colspan="2">');
  });

  it("drops scripts, styles, frames and forms with everything inside them", () => {
    const out = clean(`<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example/"></iframe>
      <svg><script>alert(2)</script></svg><form action="https://x.example/"><input value="v"><button>go</button></form>
      <noscript><p>nojs</p></noscript><template><p>t</p></template><object data="x"></object><embed src="x"><p>b</p>`);
    expect(htmlElements(out).map((e) => e.localName)).toEqual(["p", "p"]);
    expect(htmlText(out)).toBe("a b");
  });

  it("drops event handlers, styles, classes, ids and data attributes", () => {
    const out = clean(
      `<p onclick="x()" style="color:red" class="c" id="i" data-x="y" lang="en">t</p><img src="a.png" alt="a" onerror="x()" srcset="b.png 2x">`,
    );
    expect(out).toBe(`<p lang="en">t</p><img src="https://example.org/archive/stories/jane-doe/a.png" alt="a" />`);
  });

  it("removes script URLs however they are spelled, but keeps the link text", () => {
    const out =
      clean(`<a href="javascript:alert(1)">a</a> <a href=" JaVaScRiPt:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a>
      <a href="data:text/html,<script>alert(1)</script>">d</a> <a href="vbscript:x">e</a><img src="data:image/png;base64,AAAA" alt="f">`);
    expect(hrefs(out)).toEqual([]);
    expect(htmlText(out)).toBe("a b c d e");
  });

  it("makes every link absolute against the story page, keeping the base path", () => {
    expect(
      hrefs(
        `<a href="#question">q</a><a href="../other/">o</a><a href="/stories/">r</a><a href="https://x.example/p?a=1&amp;b=2">x</a><a href="mailto:a@b.example">m</a>`,
      ),
    ).toEqual([
      "https://example.org/archive/stories/jane-doe/#question",
      "https://example.org/archive/stories/other/",
      "https://example.org/stories/",
      "https://x.example/p?a=1&b=2",
      "mailto:a@b.example",
    ]);
  });

  it("writes attributes and text escaped, and void elements without end tags", () => {
    expect(
      clean(`<p title='say "hi" & <go>'>a<br>b &amp; c &lt; d</p><hr><a href="https://x.example/?a=1&amp;b=2">x</a>`),
    ).toBe(
      `<p title="say &quot;hi&quot; &amp; &lt;go&gt;">a<br />b &amp; c &lt; d</p><hr /><a href="https://x.example/?a=1&amp;b=2">x</a>`,
    );
  });

  it("keeps only attributes the W3C feed validator accepts, moving an aria-label to title", () => {
    expect(
      clean(
        `<h2>Q?<a href="#q" class="heading-anchor" aria-label="Link to this question" data-pagefind-ignore></a></h2>`,
      ),
    ).toBe(`<h2>Q?<a href="${page}#q" title="Link to this question"></a></h2>`);
    expect(clean(`<a href="#q" aria-label="a" title="b">x</a>`)).toBe(`<a href="${page}#q" title="b">x</a>`);
  });

  it("unwraps unknown elements, so custom components keep their text", () => {
    expect(clean(`<section><p>a <x-note>b <em>c</em></x-note></p></section><article><h2>d</h2></article>`)).toBe(
      "<p>a b <em>c</em></p><h2>d</h2>",
    );
  });

  it("keeps escaped text escaped: markup in text never becomes markup", () => {
    const out = clean(`<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; {x} ]]&gt;</p>`);
    expect(htmlElements(out).map((e) => e.localName)).toEqual(["p"]);
    expect(htmlText(out)).toBe("<script>alert(1)</script> & {x} ]]>");
  });
});

describe("absoluteSafeUrl", () => {
  it("resolves relative URLs and refuses non-web schemes", () => {
    expect(absoluteSafeUrl("#a", page)).toBe(`${page}#a`);
    expect(absoluteSafeUrl("ftp://x.example/", page)).toBeUndefined();
    expect(absoluteSafeUrl("http://[bad", page)).toBeUndefined();
  });
});

describe("escapeXml, for the HTML a feed item is built from", () => {
  it("escapes every character that could end text or an attribute", () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).not.toMatch(/[<>"'&](?![#a-z0-9]+;)/i);
    expect(htmlText(`<p title="${escapeXml(`"><script>`)}">${escapeXml("<b>&</b>")}</p>`)).toBe("<b>&</b>");
  });
});
