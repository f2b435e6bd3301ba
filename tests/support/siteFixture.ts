import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { headersFile } from "../../src/security/policy.ts";

/** A page as Astro would write it: the CSP meta tag, then the body. */
export function page(body: string, head = ""): string {
  const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${csp}${head}<title>t</title></head><body>${body}</body></html>`;
}

/** A Pagefind fragment file: gzip of the signature and the page's JSON. */
export function pagefindFragment(url: string): Buffer {
  return gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: "words", meta: { title: "t" } })}`));
}

const ORIGIN = "https://archive.example";

/** The built output of a correct one-story site under `base`, as path -> contents. */
export function goodSite(base = "/"): Record<string, string | Buffer> {
  const at = (path: string) => `${base}${path}`;
  const nav = `<a href="${at("")}">Home</a><a href="${at("stories/")}">Stories</a><a href="#main">Skip</a>`;
  return {
    _headers: headersFile(),
    "index.html": page(`${nav}<main id="main"><a href="${at("stories/jane-doe/#why")}">Why</a></main>`),
    "stories/index.html": page(`${nav}<main id="main"><a href="${at("stories/jane-doe/")}">Jane</a></main>`),
    "stories/jane-doe/index.html": page(
      `${nav}<main id="main"><h1><a href="${at("people/jane-doe/")}">Jane</a></h1><h2 id="why">Why?</h2>` +
        `<a href="#why">#</a><a href="https://staffeng.com/" rel="noopener noreferrer">StaffEng</a></main>`,
    ),
    "people/jane-doe/index.html": page(`${nav}<main id="main"><a href="${at("stories/jane-doe/")}">Story</a></main>`),
    "favicon.svg": "<svg/>",
    "sitemap-index.xml": `<sitemapindex><sitemap><loc>${ORIGIN}${at("sitemap-0.xml")}</loc></sitemap></sitemapindex>`,
    "sitemap-0.xml": `<urlset>${["", "stories/", "stories/jane-doe/", "people/jane-doe/"].map((p) => `<url><loc>${ORIGIN}${at(p)}</loc></url>`).join("")}</urlset>`,
    "rss.xml": `<rss><channel><item><title>Jane</title><link>${ORIGIN}${at("stories/jane-doe/")}</link></item></channel></rss>`,
    "pagefind/pagefind-entry.json": JSON.stringify({
      version: "1.6.0",
      languages: { en: { hash: "en_1", page_count: 1 } },
    }),
    "pagefind/fragment/en_1.pf_fragment": pagefindFragment(at("stories/jane-doe/")),
  };
}

/** Writes an output folder; files set to null are left out. Returns its path. */
export function writeSite(files: Record<string, string | Buffer | null>): string {
  const dir = mkdtempSync(join(tmpdir(), "archive-site-"));
  for (const [path, contents] of Object.entries(files)) {
    if (contents === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

/** Removes a folder made by writeSite. */
export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const fixtureOrigin = ORIGIN;
