import { describe, expect, it } from "vitest";
import { scanPage } from "../../tools/integrity/siteScan.ts";
import { classifyUrl } from "../../tools/integrity/siteUrls.ts";

describe("scanPage", () => {
  it("reads links and ids in every quoting style, decoding character references", () => {
    const scan = scanPage(
      "x.html",
      `<A HREF="/x?a=1&amp;b=2" rel='noopener NOREFERRER' data-x=plain id=top>t</A><img src=/i.png alt="&quot;"><a name="old">`,
    );
    expect(scan.links).toEqual([
      { tag: "a", attribute: "href", value: "/x?a=1&b=2", rel: ["noopener", "noreferrer"] },
      { tag: "img", attribute: "src", value: "/i.png", rel: [] },
    ]);
    expect(scan.ids).toEqual(new Set(["top", "old"]));
  });

  it("skips comments and tags inside script and style text, and keeps the code itself", () => {
    const html = `<!doctype html><!-- <a href="/in-comment/"> --><script>if (a < b) document.write("<a href='/in-script/'>")</script><script type="application/ld+json">{}</script><style>a::after{content:"<b>"}</style><p id="real" style="x" onclick="y">`;
    const scan = scanPage("x.html", html);
    expect(scan.links).toEqual([]);
    expect(scan.inlineScripts).toEqual([`if (a < b) document.write("<a href='/in-script/'>")`]);
    expect(scan.inlineStyles).toEqual([`a::after{content:"<b>"}`]);
    expect(scan.ids).toEqual(new Set(["real"]));
    expect(scan.styleAttributes).toEqual(["<p>"]);
    expect(scan.eventHandlers).toEqual(["<p onclick>"]);
  });

  it("reads the CSP meta tag and treats a lone < in text as text", () => {
    const scan = scanPage(
      "x.html",
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><p>1 < 2 <a href="/y/">y</a>`,
    );
    expect(scan.cspMeta).toBe("default-src 'self'");
    expect(scan.links.map((l) => l.value)).toEqual(["/y/"]);
  });
});

describe("classifyUrl", () => {
  const site = { base: "/archive/", origin: "https://archive.example" };

  it.each([
    ["#why", "stories/a/", { kind: "internal", target: { path: "stories/a/", fragment: "why" } }],
    ["/archive/stories/b/?q=1#x%20y", "", { kind: "internal", target: { path: "stories/b/", fragment: "x y" } }],
    ["../b/", "stories/a/", { kind: "internal", target: { path: "stories/b/", fragment: undefined } }],
    ["/archive/stories/../people/", "", { kind: "internal", target: { path: "people/", fragment: undefined } }],
    [
      "https://archive.example/archive/rss.xml",
      "",
      { kind: "internal", target: { path: "rss.xml", fragment: undefined } },
    ],
    ["//archive.example/archive/", "", { kind: "internal", target: { path: "", fragment: undefined } }],
    ["/stories/", "", { kind: "outside-base", path: "/stories/" }],
    ["https://elsewhere.example/", "", { kind: "external" }],
    ["//elsewhere.example/x", "", { kind: "external" }],
    ["mailto:jane@example.com", "", { kind: "ignored" }],
    ["java\tscript:alert(1)", "", { kind: "unsafe", scheme: "javascript" }],
    ["\u0001 JAVASCRIPT:alert(1)", "", { kind: "unsafe", scheme: "javascript" }],
    ["data:text/html,<script>", "", { kind: "unsafe", scheme: "data" }],
  ])("%s on /archive/%s", (url, from, expected) => {
    expect(classifyUrl(url, from, site)).toEqual(expected);
  });
});
