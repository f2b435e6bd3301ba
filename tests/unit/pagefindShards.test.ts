import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SHARDS_FILE,
  htmlFiles,
  pagesToShard,
  planShards,
  shardFolder,
  writeShardedIndex,
} from "../../src/integrations/pagefind.ts";

describe("planShards", () => {
  it("makes the fewest shards within the limit, sizes as even as possible, order kept", () => {
    const pages = Array.from({ length: 10 }, (_, i) => i);
    expect(planShards(pages, 4)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(planShards(pages, 5)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    expect(planShards(pages, 10)).toEqual([pages]);
    expect(
      planShards(
        Array.from({ length: 10_001 }, (_, i) => i),
        2500,
      ).map((s) => s.length),
    ).toEqual([2001, 2001, 2001, 2001, 1997]);
  });

  it("keeps a small site in one ordinary index, and refuses a nonsense shard size", () => {
    expect(planShards([], 2500)).toEqual([[]]);
    expect(shardFolder(0)).toBe("pagefind/");
    expect(shardFolder(1)).toBe("pagefind/shard-2/");
    expect(() => planShards([1], 0)).toThrow(/positive integer/);
  });
});

let site: string;
const page = (title: string, date: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>menu</nav>` +
  `<article data-pagefind-body><h1>${title}</h1><span data-pagefind-sort="date" hidden>${date}</span><p>${words}</p></article></body></html>`;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), "pagefind-shards-"));
  const stories = [
    ["old", "2019-03-01", "sharding postgres quietly"],
    ["new", "2024-11-20", "sharding kafka loudly"],
    ["mid", "2021-07-15", "sharding redis calmly"],
  ] as const;
  for (const [id, date, words] of stories) {
    await mkdir(join(site, "stories", id), { recursive: true });
    await writeFile(join(site, "stories", id, "index.html"), page(id, date, words));
  }
  await writeFile(join(site, "index.html"), '<!doctype html><html lang="en"><body><nav>home</nav></body></html>');
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe("writeShardedIndex", () => {
  it("orders pages newest first by their sort key, undated pages last, and keeps only pages with a search body", async () => {
    const files = ["old", "new", "mid"].map((id) => join(site, "stories", id, "index.html"));
    const ordered = await pagesToShard([join(site, "index.html"), ...files]);
    expect(ordered.map((f) => f.replace(site, ""))).toEqual([
      "/stories/new/index.html",
      "/stories/mid/index.html",
      "/stories/old/index.html",
    ]);
    // Without a body anywhere, every page counts, and the undated one goes last.
    const bodiless = await mkdtemp(join(tmpdir(), "pagefind-undated-"));
    const plain = ["a", "b"].map((id) => join(bodiless, `${id}.html`));
    await writeFile(plain[0] ?? "", "<p>undated</p>");
    await writeFile(plain[1] ?? "", '<span data-pagefind-sort="date">2020-01-01</span>');
    expect(await pagesToShard(plain)).toEqual([plain[1], plain[0]]);
    await rm(bodiless, { recursive: true, force: true });
  });

  it("writes one Pagefind bundle per shard, newest pages first, and lists the extra shards", async () => {
    const result = await writeShardedIndex(site, 2);
    // Four HTML files, three with a search body: new + mid in the first shard, old in the second.
    // The home page has no data-pagefind-body, so it is offered to no shard (alone in a shard,
    // Pagefind would index it whole).
    expect(result).toEqual({ folders: ["pagefind/", "pagefind/shard-2/"], htmlFiles: 4 });
    expect(JSON.parse(await readFile(join(site, "pagefind", SHARDS_FILE), "utf8"))).toEqual(["pagefind/shard-2/"]);
    const pagesIn = async (folder: string) => {
      const entry = JSON.parse(await readFile(join(site, folder, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    };
    expect([await pagesIn("pagefind/"), await pagesIn("pagefind/shard-2/")]).toEqual([2, 1]);
    // A second run must not index the bundle it wrote: no HTML from pagefind/ is offered.
    expect((await htmlFiles(site)).some((f) => f.includes("/pagefind/"))).toBe(false);
  });

  it("indexes a site within one shard as one ordinary bundle, with no extra shards listed", async () => {
    const result = await writeShardedIndex(site);
    expect(result).toEqual({ folders: ["pagefind/"], htmlFiles: 4 });
    expect(JSON.parse(await readFile(join(site, "pagefind", SHARDS_FILE), "utf8"))).toEqual([]);
  });
});
