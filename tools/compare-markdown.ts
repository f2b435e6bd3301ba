/**
 * `npm run compare:markdown -- [--copies N]`: builds the same corpus (every story in
 * content/ copied N times) with Sätteri, the default Rust processor with GFM built in,
 * and with unified() + remark-gfm, and prints wall time and peak memory of each.
 * The README's "Markdown processor" numbers come from here.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { copies: { type: "string", default: "150" }, runs: { type: "string", default: "2" } },
});
const copies = Number(values.copies);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "compare-markdown-"));
const corpus = join(work, "content");

mkdirSync(join(corpus, "stories"), { recursive: true });
cpSync("content/people", join(corpus, "people"), { recursive: true });
for (const file of readdirSync("content/stories")) {
  for (let i = 1; i <= copies; i++) {
    cpSync(
      join("content/stories", file),
      join(corpus, "stories", `${basename(file, extname(file))}-${i}${extname(file)}`),
    );
  }
}

// The unified variant mirrors astro.config.mjs but for the processor, with GFM from remark-gfm.
const unifiedConfig = "compare-unified.tmp.config.mjs";
writeFileSync(
  unifiedConfig,
  `import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import remarkGfm from "remark-gfm";
import { readingMinutes } from "./src/lib/readingTime.ts";
import { READING_MINUTES_KEY } from "./src/markdown/readingTime.ts";
// Story pages read the reading time the Sätteri plugin writes; this is its remark twin.
const remarkReadingTime = () => (_tree, file) => {
  file.data.astro.frontmatter[READING_MINUTES_KEY] = readingMinutes(String(file.value));
};
export default defineConfig({
  site: "http://localhost:4321",
  cacheDir: process.env.ARCHIVE_CACHE_DIR,
  trailingSlash: "always",
  markdown: { processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm, remarkReadingTime] }) },
  integrations: [mdx()],
});
`,
);

function build(label: string, extraArgs: string[]): { seconds: number; peakMB: number } {
  // Cold builds: a content cache left by the other processor is not reusable and can
  // even break the next build, so each run gets a fresh cache folder of its own.
  const cacheDir = join(work, `cache-${label}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%e %M", "npx", "astro", "build", "--outDir", join(work, `dist-${label}`), ...extraArgs],
    {
      env: { ARCHIVE_LOCAL: "1", ...process.env, ARCHIVE_CONTENT_DIR: corpus, ARCHIVE_CACHE_DIR: cacheDir },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`${label} build failed:\n${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { seconds: seconds!, peakMB: Math.round(kb! / 1024) };
}

try {
  const stories = readdirSync(join(corpus, "stories")).length;
  console.log(`Corpus: ${stories} stories (${copies} copies of each story in content/), ${runs} runs each.`);
  for (let run = 1; run <= runs; run++) {
    const satteri = build("satteri", []);
    const unified = build("unified", ["--config", unifiedConfig]);
    console.log(
      `run ${run}: satteri ${satteri.seconds.toFixed(1)} s, ${satteri.peakMB} MB peak | unified+remark-gfm ${unified.seconds.toFixed(1)} s, ${unified.peakMB} MB peak | ratio ${(unified.seconds / satteri.seconds).toFixed(2)}x`,
    );
  }
} finally {
  rmSync(unifiedConfig, { force: true });
  rmSync(work, { recursive: true, force: true });
}
