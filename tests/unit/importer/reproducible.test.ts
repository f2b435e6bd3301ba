import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importBatch } from "../../../tools/importer/importBatch.ts";
import { cleanUp, CONTENT, tempDir } from "./_fixtures.ts";

// Re-imports every archived source into an empty content root and compares with what is
// committed: proof that the stories and people in content/ are the importer's output.
const root = tempDir();
afterAll(() => cleanUp(root));
mkdirSync(join(root, "sources"));
const sourceNames = readdirSync(join(CONTENT, "sources"))
  .filter((name) => /\.(?:txt|md|html?)$/.test(name))
  .sort();
for (const name of readdirSync(join(CONTENT, "sources")))
  copyFileSync(join(CONTENT, "sources", name), join(root, "sources", name));
const result = importBatch(
  sourceNames.map((name) => join(root, "sources", name)),
  { contentDir: root, force: false, dryRun: false, check: false, flags: {} },
);
const listing = (dir: string, ext: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(ext))
        .sort()
    : [];

describe("the committed content is what the importer makes", () => {
  it("imports every archived source without a refusal", () => {
    expect(sourceNames.length).toBeGreaterThanOrEqual(3);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    for (const plan of result.plans)
      expect(plan.roundTrip, plan.file).toMatchObject({ ok: true, missing: [], unsafe: [], extra: [] });
  });

  it("makes exactly the committed stories and people, and no others", () => {
    expect(listing(join(root, "stories"), ".mdx")).toEqual(listing(join(CONTENT, "stories"), ".mdx"));
    expect(listing(join(root, "people"), ".yaml")).toEqual(listing(join(CONTENT, "people"), ".yaml"));
  });

  it.each(listing(join(CONTENT, "stories"), ".mdx"))("stories/%s is byte for byte the importer's output", (name) => {
    expect(readFileSync(join(root, "stories", name), "utf8")).toBe(
      readFileSync(join(CONTENT, "stories", name), "utf8"),
    );
  });

  it.each(listing(join(CONTENT, "people"), ".yaml"))("people/%s is byte for byte the importer's output", (name) => {
    expect(readFileSync(join(root, "people", name), "utf8")).toBe(readFileSync(join(CONTENT, "people", name), "utf8"));
  });

  it("leaves every raw source byte-identical", () => {
    for (const name of sourceNames) {
      expect(readFileSync(join(root, "sources", name)).equals(readFileSync(join(CONTENT, "sources", name))), name).toBe(
        true,
      );
    }
  });
});
