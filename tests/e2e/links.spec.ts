/**
 * Gate: no built page links to a missing page, file or #anchor of the site (BASE_PATH respected;
 * absolute links on SITE_URL count as internal). External links are not fetched.
 */
import { relative } from "node:path";
import { expect, test } from "@playwright/test";
import { brokenLinks } from "../support/links.ts";
import { DIST, builtHtmlPages, siteOrigin } from "../support/site.ts";

const origin = siteOrigin();

for (const page of builtHtmlPages()) {
  const name = relative(DIST, page.file);
  test(`no broken internal links: ${name}`, () => {
    const broken = brokenLinks(page, origin);
    const list = broken.map(({ element, url, reason }) => `  <${element}> ${url}: ${reason}`).join("\n");
    expect(broken.length, `dist/${name} (${page.path}) has ${broken.length} broken link(s):\n${list}`).toBe(0);
  });
}
