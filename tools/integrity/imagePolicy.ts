import type { Findings } from "./findings.ts";
import type { SiteScan } from "./siteScan.ts";

/** img-src sources of a Content-Security-Policy (default-src when it has none). */
function imageSources(policy: string): string[] {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives.get("img-src") ?? directives.get("default-src") ?? [];
}

/** Whether a CSP source list lets the browser load an image from this absolute http(s) URL. */
export function imageAllowed(url: URL, sources: readonly string[]): boolean {
  return sources.some((source) => {
    if (source === "*" || source === `${url.protocol}`) return true;
    if (!/^https?:\/\//i.test(source)) return false;
    const allowed = new URL(source);
    if (allowed.origin !== url.origin) return false;
    // A source with a path ending in / allows everything below it; otherwise that exact path.
    return allowed.pathname.endsWith("/")
      ? url.pathname.startsWith(allowed.pathname)
      : url.pathname === allowed.pathname;
  });
}

/**
 * Fails the build for an image from another site that the policy would block: the reader would
 * see a broken image, and the editor would never know. (By default only the site's own images
 * load, so no story can carry a tracking pixel; ARCHIVE_IMAGE_SOURCES allows more.)
 */
export function checkImagePolicy(scan: SiteScan, headersPolicy: string, findings: Findings): void {
  const sources = imageSources(headersPolicy);
  for (const page of scan.pages.values()) {
    for (const link of page.links) {
      const isImage =
        link.tag === "img" ||
        (link.tag === "video" && link.attribute === "poster") ||
        (link.tag === "source" && link.attribute === "src");
      if (!isImage || !/^https?:\/\//i.test(link.value)) continue;
      let url: URL;
      try {
        url = new URL(link.value);
      } catch {
        continue;
      }
      if (imageAllowed(url, sources)) continue;
      findings.problem(
        `<img src="${link.value}"> is blocked by the Content-Security-Policy (img-src ${sources.join(" ")}); ` +
          `save the image into the site, or add ${url.origin} to ARCHIVE_IMAGE_SOURCES`,
        page.file,
      );
    }
  }
}
