import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { contentRoot } from "../../src/lib/contentRoot.ts";
import type { ImportOptions } from "./importBatch.ts";
import { storyData } from "../../src/schema/schema.ts";
import { checkSidecar, flagSpecs, flagsToSidecar, sidecarSchemaFor } from "./sidecar.ts";

type StorySchema = Parameters<typeof flagSpecs>[0];

/** The usage text `--help` prints; the story fields come from the schema. */
export function usage(story: StorySchema = storyData): string {
  // The flags of one kind, as many to a line as fit in 96 columns.
  const show = (lines: boolean) => {
    const rows: string[] = [];
    for (const { flag, value, multiple } of flagSpecs(story).filter((spec) => spec.lines === lines)) {
      const item = `--${flag} ${value}${multiple && !lines ? " (repeat)" : ""}`;
      const last = rows.at(-1);
      if (last !== undefined && last.length + 2 + item.length <= 96) rows[rows.length - 1] = `${last}  ${item}`;
      else rows.push(`  ${item}`);
    }
    return rows.join("\n");
  };
  return `Usage: npm run import -- [--content DIR] [--force] [--dry-run] [--check] FILE...

Turns raw transcripts into stories: DIR/stories/<slug>.mdx, DIR/people/<id>.yaml (when new),
and keeps each raw source as DIR/sources/<slug>.txt. Corrections are read from
<file>.import.yaml next to each source; the flags below set them for a single FILE and are
saved into DIR/sources/<slug>.import.yaml so a re-import gives the same story.

  --content DIR        content root (default: $ARCHIVE_CONTENT_DIR or ./content)
  --force              replace a story whose slug already exists
  --dry-run            do everything except write
  --check              only verify that every sentence survives the round trip; writes nothing
  --follow-symlinks    read a FILE that is a symbolic link (refused by default)

Story fields (one FILE only):
${show(false)}
Structure corrections (LINE is a line number or the first words of the line; repeat):
${show(true)}`;
}

/** Parses argv (without node and script) for a story schema; throws a readable message on unknown or bad flags. */
export function parseCli(argv: readonly string[], story: StorySchema = storyData) {
  const specs = flagSpecs(story);
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      check: { type: "boolean" },
      "follow-symlinks": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      content: { type: "string" },
      ...Object.fromEntries(specs.map(({ flag, multiple }) => [flag, { type: "string" as const, multiple }])),
    },
  });
  const options: ImportOptions = {
    contentDir: typeof values.content === "string" ? resolve(values.content) : contentRoot(),
    force: values.force === true,
    dryRun: values["dry-run"] === true,
    check: values.check === true,
    followSymlinks: values["follow-symlinks"] === true,
    flags: checkSidecar(flagsToSidecar(specs, values), "(command line)", sidecarSchemaFor(story)),
  };
  return { help: values.help === true, files: positionals, options };
}
