import type { Findings } from "./findings.ts";
import type { SiteScan } from "./siteScan.ts";
import { classifyUrl, fileOf, pagePath, type InternalTarget, type SiteLocation } from "./siteUrls.ts";

// Fragments every page has without an id: the top of the document.
const IMPLICIT_FRAGMENTS = new Set(["", "top"]);

/**
 * Checks every URL on every page: internal targets and #anchors exist (with the site's trailing slash),
 * no javascript:/data: URL, links to other sites carry rel="noopener noreferrer". One Set lookup a link.
 */
export function checkLinks(scan: SiteScan, site: SiteLocation, findings: Findings) {
  // Counts for the build summary.
  const stats = { links: 0, internal: 0, anchors: 0, external: 0 };
  for (const page of scan.pages.values()) {
    const from = pagePath(page.file);
    for (const link of page.links) {
      stats.links++;
      const url = classifyUrl(link.value, from, site);
      const shown = `<${link.tag} ${link.attribute}="${link.value}">`;
      switch (url.kind) {
        case "unsafe":
          findings.problem(`${shown} uses a ${url.scheme} URL, which could run code or hide content`, page.file);
          break;
        case "outside-base":
          findings.problem(`${shown} points at ${url.path}, outside the site's base path ${site.base}`, page.file);
          break;
        case "external":
          stats.external++;
          if (link.tag === "a" && !(link.rel.includes("noopener") && link.rel.includes("noreferrer"))) {
            findings.problem(`${shown} goes to another site without rel="noopener noreferrer"`, page.file);
          }
          break;
        case "internal": {
          stats.internal++;
          if (url.target.fragment !== undefined && !IMPLICIT_FRAGMENTS.has(url.target.fragment)) stats.anchors++;
          const broken = brokenBecause(url.target, scan, site.base);
          if (broken) findings.problem(`${shown} ${broken}`, page.file);
          break;
        }
      }
    }
  }
  return stats;
}

/** Why an internal target does not resolve, or undefined when it does. */
function brokenBecause({ path, fragment }: InternalTarget, scan: SiteScan, base: string): string | undefined {
  const file = fileOf(path);
  if (!scan.files.has(file)) {
    return file === path && scan.files.has(`${path}/index.html`)
      ? `needs a trailing slash: ${base}${path}/ (the site is built with trailingSlash: "always")`
      : `goes to ${base}${path}, which is not in the built site`;
  }
  const missing =
    fragment !== undefined && !IMPLICIT_FRAGMENTS.has(fragment) && scan.pages.get(file)?.ids.has(fragment) === false;
  return missing ? `points at #${fragment}, but ${base}${path} has no element with that id` : undefined;
}
