/**
 * Gate: no built page links to a missing page, file or #anchor of the site (BASE_PATH respected;
 * absolute links on SITE_URL count as internal), through the integrity check's own link checker.
 * External links are not fetched.
 */
import { expect, test } from "@playwright/test";
import { Findings } from "../../tools/integrity/findings.ts";
import { checkLinks } from "../../tools/integrity/links.ts";
import { scanSite } from "../../tools/integrity/siteScan.ts";
import { BASE_PATH, DIST, siteOrigin } from "../support/site.ts";

test("no built page has a broken or unsafe link", async () => {
  const findings = new Findings();
  const stats = checkLinks(await scanSite(DIST), { base: BASE_PATH, origin: siteOrigin() }, findings);
  expect(stats.internal, "links checked").toBeGreaterThan(0);
  expect(findings.problems).toEqual([]);
});
