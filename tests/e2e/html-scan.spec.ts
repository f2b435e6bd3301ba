/**
 * The integrity check's fast tag scanner (tools/integrity/siteScan.ts) against a real HTML parser,
 * on every page of the build the other gates test: same ids, same links, same CSP.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "node-html-parser";
import { scanPage } from "../../tools/integrity/siteScan.ts";
import { DIST, builtHtmlPages } from "../support/site.ts";

for (const page of builtHtmlPages()) {
  const name = relative(DIST, page.file);
  test(`the scanner agrees with node-html-parser: ${name}`, () => {
    const html = readFileSync(page.file, "utf8");
    const dom = parse(html, {
      comment: false,
      blockTextElements: { script: true, style: true, pre: true, textarea: true },
    });
    const scan = scanPage(name, html);
    const ids = new Set(dom.querySelectorAll("[id]").map((e) => e.getAttribute("id") ?? ""));
    expect(scan.ids).toEqual(ids);
    const hrefs = dom
      .querySelectorAll("a[href], link[href], form[action], script[src], img[src]")
      .map((e) => e.getAttribute("href") ?? e.getAttribute("action") ?? e.getAttribute("src"));
    expect(scan.links.map((l) => l.value).sort()).toEqual(hrefs.sort());
    expect(scan.cspMeta).toBe(dom.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content"));
  });
}
