import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { contentRoot } from "../../src/lib/contentRoot.ts";
import type { ImportOptions } from "./importBatch.ts";
import { checkSidecar } from "./sidecar.ts";

/** The usage text `--help` prints. */
export const USAGE = `Usage: npm run import -- [--content DIR] [--force] [--dry-run] [--check] FILE...

Turns raw transcripts into stories: DIR/stories/<slug>.md, DIR/people/<id>.yaml (when new),
and keeps each raw source as DIR/sources/<slug>.txt. Corrections are read from
<file>.import.yaml next to each source; the flags below set them for a single FILE and are
saved into DIR/sources/<slug>.import.yaml so a re-import gives the same story.

  --content DIR        content root (default: $ARCHIVE_CONTENT_DIR or ./content)
  --force              replace a story whose slug already exists
  --dry-run            do everything except write
  --check              only verify that every sentence survives the round trip; writes nothing
  --follow-symlinks    read a FILE that is a symbolic link (refused by default)

Story fields (one FILE only):
  --slug S  --name N  --person-id ID  --role R  --company C  --recorded YYYY-MM
  --published YYYY-MM  --kind interview|discussion  --interviewer NAME  --summary TEXT
  --source-name N  --source-url URL  --source-format F  --topic T (repeat)  --note TEXT (repeat)
  --shape story-page|newsletter|thread|plain  --question-heading H  --reply-heading H
Structure corrections (LINE is a line number or the first words of the line; repeat):
  --question LINE  --not-question LINE  --subheading LINE  --not-subheading LINE
  --clutter LINE  --keep LINE`;

const single = [
  "content",
  "slug",
  "name",
  "person-id",
  "role",
  "company",
  "recorded",
  "published",
  "kind",
  "interviewer",
  "summary",
  "source-name",
  "source-url",
  "source-format",
  "shape",
  "question-heading",
  "reply-heading",
] as const;
const repeated = [
  "topic",
  "note",
  "question",
  "not-question",
  "subheading",
  "not-subheading",
  "clutter",
  "keep",
] as const;

/** A parsed command line: what to import and how. */
export interface CliRequest {
  help: boolean;
  files: string[];
  options: ImportOptions;
}

/** Parses argv (without node and script); throws with a readable message on unknown or bad flags. */
export function parseCli(argv: readonly string[]): CliRequest {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      check: { type: "boolean" },
      "follow-symlinks": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(single.map((name) => [name, { type: "string" as const }])),
      ...Object.fromEntries(repeated.map((name) => [name, { type: "string" as const, multiple: true }])),
    },
  });
  // parseArgs types only the literal option names; the two lists above are the source of truth.
  const given = values as Record<string, string | string[] | boolean | undefined>;
  const text = (name: string) => given[name] as string | undefined;
  const list = (name: string) => given[name] as string[] | undefined;
  const lineRefs = (name: string) => list(name)?.map((ref) => (/^\d+$/.test(ref) ? Number(ref) : ref));
  const flags = compact({
    slug: text("slug"),
    shape: text("shape"),
    person: compact({ id: text("person-id"), name: text("name") }),
    role: text("role"),
    company: text("company"),
    recorded: text("recorded"),
    published: text("published"),
    kind: text("kind"),
    source: compact({ name: text("source-name"), url: text("source-url"), format: text("source-format") }),
    interviewer: text("interviewer"),
    summary: text("summary"),
    topics: list("topic"),
    editorialNotes: list("note"),
    questions: lineRefs("question"),
    notQuestions: lineRefs("not-question"),
    subheadings: lineRefs("subheading"),
    notSubheadings: lineRefs("not-subheading"),
    clutter: lineRefs("clutter"),
    keep: lineRefs("keep"),
    headings: compact({ question: text("question-heading"), reply: text("reply-heading") }),
  });
  const content = text("content");
  return {
    help: values.help === true,
    files: positionals,
    options: {
      contentDir: content !== undefined ? resolve(content) : contentRoot(),
      force: values.force === true,
      dryRun: values["dry-run"] === true,
      check: values.check === true,
      followSymlinks: values["follow-symlinks"] === true,
      flags: checkSidecar(flags ?? {}, "(command line)"),
    },
  };
}

/** Drops unset fields (and objects left empty) so "no flag" never overrides the sidecar. */
function compact(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
