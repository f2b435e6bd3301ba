import { describe, expect, it } from "vitest";
import { forEachStartTag, type StartTag } from "../../tools/integrity/htmlTags.ts";
import { classifyUrl } from "../../tools/integrity/siteUrls.ts";

function tags(html: string): StartTag[] {
  const found: StartTag[] = [];
  forEachStartTag(html, (tag) => found.push(tag));
  return found;
}

describe("forEachStartTag", () => {
  it("reads names and attributes in every quoting style, decoding character references", () => {
    const [a, img] = tags(
      `<A HREF="/x?a=1&amp;b=2" rel='noopener noreferrer' data-x=plain>t</A><img src=/i.png alt="&quot;&#39;&#x41;">`,
    );
    expect(a?.name).toBe("a");
    expect(Object.fromEntries(a?.attributes ?? [])).toEqual({
      href: "/x?a=1&b=2",
      rel: "noopener noreferrer",
      "data-x": "plain",
    });
    expect(img?.attributes.get("alt")).toBe(`"'A`);
  });

  it("skips comments, doctype, end tags, and tags inside script and style text", () => {
    const html = `<!doctype html><!-- <a href="/in-comment/"> --><script>if (a < b) document.write("<a href='/in-script/'>")</script><style>a::after{content:"<b>"}</style><p id="real">`;
    const found = tags(html);
    expect(found.map((t) => t.name)).toEqual(["script", "style", "p"]);
    expect(found[0]?.text).toBe(`if (a < b) document.write("<a href='/in-script/'>")`);
    expect(found[2]?.attributes.get("id")).toBe("real");
  });

  it("treats a lone < in text as text", () => {
    expect(tags("<p>1 < 2 and 3 <= 4</p><br/>").map((t) => t.name)).toEqual(["p", "br"]);
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
