/**
 * How long the integrity check takes on a big archive. Copies the built dist/ and adds
 * N copies of a real story page (default 10,000) with a /stories/ list, sitemap and search
 * index that name them all, then times checkSite(). Run `npm run build` first.
 *   node tools/bench/integrity.ts [pages]
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { checkSite } from "../integrity/checkSite.ts";

const count = Number(process.argv[2] ?? 10_000);
const source = "dist";
const template = readFileSync(join(source, "stories/dmitry-petrashko/index.html"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "archive-bench-"));
cpSync(source, dir, { recursive: true });

const ids = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(5, "0")}`);
const fragments = join(dir, "pagefind/fragment");
mkdirSync(fragments, { recursive: true });
writeFileSync(join(dir, "pagefind/pagefind-entry.json"), "{}");
for (const id of ids) {
  mkdirSync(join(dir, "stories", id), { recursive: true });
  writeFileSync(join(dir, "stories", id, "index.html"), template);
  writeFileSync(
    join(fragments, `${id}.pf_fragment`),
    gzipSync(`pagefind_dcd${JSON.stringify({ url: `/stories/${id}/` })}`),
  );
}
const list = readFileSync(join(dir, "stories/index.html"), "utf8");
writeFileSync(
  join(dir, "stories/index.html"),
  list.replace("</main>", `${ids.map((id) => `<a href="/stories/${id}/">${id}</a>`).join("")}</main>`),
);
const sitemap = readFileSync(join(dir, "sitemap-0.xml"), "utf8");
writeFileSync(
  join(dir, "sitemap-0.xml"),
  sitemap.replace(
    "</urlset>",
    `${ids.map((id) => `<url><loc>http://localhost:4321/stories/${id}/</loc></url>`).join("")}</urlset>`,
  ),
);

const bytes = template.length * count;
console.log(
  `Checking ${count} extra story pages of ${Math.round(template.length / 1024)} KB (${Math.round(bytes / 1e6)} MB of HTML)...`,
);
const stories = ids.map((id) => ({ id, file: `content/stories/${id}.md`, person: "dmitry-petrashko" }));
const report = await checkSite({ dir, base: "/", site: "http://localhost:4321", stories });
const { stats } = report;
console.log(
  `${stats.pages} pages, ${stats.links} links (${stats.anchors} to anchors) checked in ${stats.ms} ms ` +
    `(${((stats.ms / stats.pages) * 1000).toFixed(0)} µs a page); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; ` +
    `${report.problems.length} problems.`,
);
if (!process.env["KEEP"]) rmSync(dir, { recursive: true, force: true });
else console.log(dir);
