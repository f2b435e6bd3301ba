import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sanitizeFeedHtml } from "../../src/lib/feedHtml.ts";
import { diskCachedSanitizer } from "../../src/lib/feedHtmlCache.ts";

const page = "https://example.org/archive/stories/jane-doe/";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "feed-html-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real sanitizer, counting how often it actually runs. */
function counted() {
  const calls: string[] = [];
  const sanitize = (html: string, pageUrl: string) => {
    calls.push(html);
    return sanitizeFeedHtml(html, pageUrl);
  };
  return { calls, sanitize };
}

const story = `<h2 id="q">Why?<a href="#q" aria-label="Link">#</a></h2><p onclick="x()">Because.</p><script>alert(1)</script>`;

describe("diskCachedSanitizer", () => {
  it("sanitizes a story once, within a build and in the next build", () => {
    const first = counted();
    const build1 = diskCachedSanitizer(dir, "v1", first.sanitize);
    const clean = build1(story, page);
    expect(clean).toBe(sanitizeFeedHtml(story, page));
    expect(build1(story, page)).toBe(clean);
    expect(first.calls).toHaveLength(1);

    const second = counted();
    expect(diskCachedSanitizer(dir, "v1", second.sanitize)(story, page)).toBe(clean);
    expect(second.calls).toHaveLength(0);
  });

  it("never serves a changed story its old HTML", () => {
    diskCachedSanitizer(dir, "v1", sanitizeFeedHtml)(story, page);
    const edited = story.replace("Because.", "Because it changed.");
    const next = counted();
    const clean = diskCachedSanitizer(dir, "v1", next.sanitize)(edited, page);
    expect(clean).toContain("Because it changed.");
    expect(clean).toBe(sanitizeFeedHtml(edited, page));
    expect(next.calls).toEqual([edited]);
  });

  it("keys by page URL too, since links resolve against it", () => {
    const cached = diskCachedSanitizer(dir, "v1", sanitizeFeedHtml);
    const moved = "https://example.org/elsewhere/stories/jane-doe/";
    expect(cached(story, page)).toContain(`href="${page}#q"`);
    expect(cached(story, moved)).toContain(`href="${moved}#q"`);
  });

  it("re-sanitizes everything for a new sanitizer version and drops the old version's folder", async () => {
    diskCachedSanitizer(dir, "v1", sanitizeFeedHtml)(story, page);
    expect(await readdir(dir)).toEqual(["v1"]);
    const next = counted();
    const stricter = (html: string, url: string) => next.sanitize(html, url).replace(/<h2>/g, "<h3>");
    expect(diskCachedSanitizer(dir, "v2", stricter)(story, page)).toContain("<h3>");
    expect(next.calls).toHaveLength(1);
    expect(await readdir(dir)).toEqual(["v2"]);
  });

  it("still sanitizes when the cache folder cannot be made", async () => {
    const blocked = join(dir, "not-a-folder");
    await writeFile(blocked, "");
    const run = counted();
    const cached = diskCachedSanitizer(blocked, "v1", run.sanitize);
    expect(cached(story, page)).toBe(sanitizeFeedHtml(story, page));
    expect(cached(story, page)).toBe(sanitizeFeedHtml(story, page));
    expect(run.calls).toHaveLength(2);
  });
});
