import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { ImportError, quietly } from "./types.ts";
import { sourceExtension } from "./markup.ts";
import { planStory, type StoryPlan } from "./planStory.ts";
import { STORY_EXTENSION } from "./renderMarkdown.ts";
import { sidecarText, type Sidecar } from "./sidecar.ts";
import { checkInputFile } from "./readSource.ts";
import { archivedDuplicates } from "./duplicates.ts";
import { nodeFileOps, removeStaleTempFiles, writeAllOrNothing, type PlannedWrite } from "./writeAllOrNothing.ts";

/** How a run was asked to behave: the content root (holding stories/, people/, sources/), the CLI's switches and flags. */
export interface ImportOptions {
  contentDir: string;
  force: boolean;
  dryRun: boolean;
  check: boolean;
  flags: Sidecar;
  followSymlinks?: boolean;
}

/** A file the run wrote (or would write), and whether it is new, replaced or already identical. */
type WriteOutcome = { path: string; action: "create" | "replace" | "unchanged" | "kept"; what: string };

/** The result of a run: the plans, every refusal, the files written (none when refused) and notices worth a look. */
export type BatchResult = ReturnType<typeof importBatch>;

/** Imports a batch all-or-nothing, checking every file in memory first; with `check` it only reports the round trips. */
export function importBatch(files: readonly string[], options: ImportOptions, ops = nodeFileOps) {
  const errors: ImportError[] = [];
  const plans: StoryPlan[] = [];
  // Things worth a look that do not stop the import (a story that may already be archived).
  const notices: string[] = [];
  const refused = { plans, errors, writes: [] as WriteOutcome[], written: false, notices };
  const { contentDir } = options;
  if (!options.check && !quietly(() => statSync(contentDir))?.isDirectory()) {
    const why =
      "the content folder does not exist; pass --content with the folder that holds stories/ and people/ (or create it first)";
    return { ...refused, errors: [new ImportError(contentDir, why)] };
  }
  const commandLine = (reason: string) => errors.push(new ImportError("(command line)", reason));
  if (files.length === 0) commandLine("no FILE given; name one or more transcripts to import");
  const oneStory =
    "story flags (--slug, --name, --summary, ...) apply to one story; give exactly one FILE, or put them in each file's .import.yaml";
  if (Object.keys(options.flags).length > 0 && files.length > 1) commandLine(oneStory);
  for (const file of files) {
    try {
      checkInputFile(file, options.followSymlinks);
      plans.push(planStory(file, options.flags, options.check));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      errors.push(error);
    }
  }
  for (const plan of plans) {
    errors.push(...plan.refusals);
    if (!plan.roundTrip.ok) errors.push(roundTripError(plan));
  }
  if (options.check) {
    for (const plan of plans) errors.push(...staleContent(plan, contentDir));
    return refused;
  }

  const { writes, outcomes } = planWrites(plans, options, errors, ops);
  notices.push(...archivedDuplicates(plans, contentDir));
  if (errors.length > 0) return refused;
  if (!options.dryRun) {
    const stale = removeStaleTempFiles(contentDir);
    if (stale.length > 0) notices.push(`removed ${stale.length} temporary file(s) left by an interrupted import`);
    // Story files last, so an import killed between two renames leaves only whole stories.
    const stories = resolve(contentDir, "stories") + sep;
    const isStory = (write: PlannedWrite) => resolve(write.path).startsWith(stories);
    writeAllOrNothing([...writes.filter((w) => !isStory(w)), ...writes.filter(isStory)], ops);
  }
  return { plans, errors, writes: outcomes, written: !options.dryRun, notices };
}

function roundTripError(plan: StoryPlan): ImportError {
  const { missing, unsafe, extra } = plan.roundTrip;
  const parts = [
    ...missing.map((m) => `line ${m.line} is not on the page: "${m.text.trim().slice(0, 80)}"`),
    ...unsafe.map((u) => `the story would contain ${u}`),
    ...extra.map((e) => `the page would show text the source does not have: "${e.slice(0, 80)}"`),
  ];
  const why = `round trip failed (nothing written): ${parts.join("; ")}. Please report this as an importer bug.`;
  return new ImportError(plan.file, why);
}

/** For --check on an archived source: is the committed story still what the importer makes? */
function staleContent(plan: StoryPlan, contentDir: string): ImportError[] {
  const archived = join(contentDir, "sources", `${plan.slug}${sourceExtension(plan.file)}`);
  const story = join(contentDir, "stories", `${plan.slug}${STORY_EXTENSION}`);
  if (resolve(archived) !== resolve(plan.file) || !existsSync(story)) return [];
  if (readFileSync(story, "utf8") === plan.markdown) return [];
  const why = `differs from what the importer makes from ${plan.file}; re-import it with --force`;
  return [new ImportError(relative(process.cwd(), story), why)];
}

function planWrites(plans: StoryPlan[], options: ImportOptions, errors: ImportError[], ops: typeof nodeFileOps) {
  const writes: PlannedWrite[] = [];
  const outcomes: WriteOutcome[] = [];
  const add = (path: string, contents: string | Uint8Array, what: string) => {
    const before = ops.exists(path) ? ops.read(path) : undefined;
    const same = before !== undefined && Buffer.from(before).equals(Buffer.from(contents));
    outcomes.push({ path, action: before === undefined ? "create" : same ? "unchanged" : "replace", what });
    if (!same) writes.push({ path, contents });
  };
  const slugs = new Map<string, string>();
  const people = new Map<string, StoryPlan>();
  for (const plan of plans) {
    const refuse = (reason: string) => errors.push(new ImportError(plan.file, reason));
    const at = (folder: string, name: string) => join(options.contentDir, folder, name);
    const storyPath = at("stories", `${plan.slug}${STORY_EXTENSION}`);
    // A story of the other format at the same slug (hand-written, or from before the importer wrote .mdx).
    const handWritten = at("stories", `${plan.slug}.md`);
    const sourcePath = at("sources", `${plan.slug}${sourceExtension(plan.file)}`);
    const personPath = at("people", `${plan.personId}.yaml`);
    const inPlace = resolve(sourcePath) === resolve(plan.file);

    const twin = slugs.get(plan.slug);
    if (twin) refuse(`has the same slug "${plan.slug}" as ${twin} in this batch; give one of them --slug`);
    slugs.set(plan.slug, plan.file);
    if (ops.exists(handWritten)) {
      // Both files would be published at the same URL; --force must not leave two stories behind.
      refuse(
        `the slug "${plan.slug}" is taken by ${handWritten}, and the importer writes ${STORY_EXTENSION}; delete or rename that file first, or import under another --slug`,
      );
      continue;
    }
    // A source identical to this one, without its story, is what a killed import leaves: not taken.
    const otherSource =
      !inPlace && ops.exists(sourcePath) && !Buffer.from(ops.read(sourcePath)).equals(Buffer.from(plan.source.bytes));
    const taken = ops.exists(storyPath) ? storyPath : otherSource ? sourcePath : undefined;
    if (taken && !options.force) {
      refuse(
        `the slug "${plan.slug}" already exists (${taken}); pass --force to replace that story, or --slug to import it under a new one`,
      );
      continue;
    }

    add(storyPath, plan.markdown, "story");
    if (!inPlace) add(sourcePath, plan.source.bytes, "raw source, byte for byte");
    const hasFlags = Object.keys(plan.flags).length > 0;
    if (hasFlags || (!inPlace && plan.sidecar.text !== undefined)) {
      const text = hasFlags ? sidecarText(plan.sidecar.text, plan.flags) : plan.sidecar.text!;
      add(at("sources", `${plan.slug}.import.yaml`), text, "editorial corrections");
    }
    const sharing = people.get(plan.personId);
    if (sharing && sharing.personText !== plan.personText) {
      refuse(`describes person "${plan.personId}" differently from ${sharing.file}; make their person blocks agree`);
    } else if (ops.exists(personPath)) {
      outcomes.push({ path: personPath, action: "kept", what: "person (already in the archive; edit it there)" });
    } else if (!sharing) {
      add(personPath, plan.personText, "person");
    }
    people.set(plan.personId, plan);
  }
  return { writes, outcomes };
}

const ACTION_WORDS = { create: "create ", replace: "replace", unchanged: "same   ", kept: "keep   " } as const;

/** What an editor reads after a run: per file what was written, removed and checked. */
export function formatReport(result: BatchResult, options: ImportOptions): string {
  const out: string[] = [];
  const rel = (path: string) => relative(process.cwd(), path) || path;
  for (const plan of result.plans) {
    const ok = plan.roundTrip.ok && plan.refusals.length === 0;
    out.push(`${ok ? "✓" : "✗"} ${rel(plan.file)} → ${plan.slug} (${describe(plan)})`);
    const mine = options.check ? [] : result.writes.filter((w) => belongsTo(w.path, plan));
    for (const { action, path, what } of mine) {
      const done = result.written || action === "kept" || action === "unchanged";
      out.push(`    ${done ? ACTION_WORDS[action] : `would ${action}`} ${rel(path)}  (${what})`);
    }
    if (plan.clutter.length > 0) out.push(`    removed as clutter (${plural(plan.clutter.length, "line")}):`);
    for (const c of plan.clutter) out.push(`      line ${String(c.line).padEnd(4)} ${c.reason}: ${clip(c.text)}`);
    for (const h of plan.header) out.push(`    line ${h.line} (${h.field}) is shown in the page header: “${h.text}”`);
    if (plan.guesses.length > 0)
      out.push(`    guessed (no rule of a known shape settled these; review, then fix with the sidecar):`);
    for (const g of plan.guesses) out.push(`      line ${String(g.line).padEnd(4)} ${g.decision}: ${clip(g.text)}`);
    if (options.dryRun || options.check || !ok) out.push(...outline(plan));
    const { ok: held, checkedLines, missing, unsafe, extra } = plan.roundTrip;
    const failed = `    round trip FAILED: ${missing.length} missing, ${unsafe.length} unsafe, ${extra.length} unexpected`;
    out.push(
      held ? `    round trip: all ${checkedLines} kept lines are in the story, in order, as plain text` : failed,
    );
    for (const warning of plan.warnings) out.push(`    note: ${warning}`);
  }
  const problems = plural(result.errors.length, "problem");
  if (result.errors.length > 0) {
    out.push("", ...result.errors.map((error) => `✗ ${error.message}`));
    if (!options.check)
      out.push("", `Nothing was written: the batch is all-or-nothing and ${problems} must be fixed first.`);
  } else if (options.check) out.push("", `Checked ${plural(result.plans.length, "file")}: every round trip holds.`);
  else if (options.dryRun) out.push("", "Dry run: nothing was written.");
  return out.join("\n");
}

/** The story's outline as the reader's table of contents will show it, with source lines and guesses marked. */
function outline(plan: StoryPlan): string[] {
  const guessed = new Set(plan.guesses.map((g) => g.line));
  const lines = plan.blocks.flatMap((block) => {
    if (block.type === "editorial-heading") return [`      (added)   ## ${clip(block.text)}`];
    if (block.type !== "question" && block.type !== "subheading") return [];
    const mark = `${guessed.has(block.line) ? "?" : " "}line ${String(block.line).padEnd(4)}`;
    return [`     ${mark} ${block.type === "question" ? "##" : "    ###"} ${clip(block.text)}`];
  });
  return ["    outline:", ...lines];
}

function describe(plan: StoryPlan): string {
  const count = (type: string) => plan.blocks.filter((b) => b.type === type).length;
  const questions = count("question") + count("editorial-heading");
  const questionLines = new Set(plan.blocks.flatMap((b) => (b.type === "question" ? [b.line] : [])));
  const guessed = plan.guesses.filter((g) => questionLines.has(g.line) || g.decision.startsWith("answer")).length;
  const asked = plural(questions, plan.story.kind === "discussion" ? "section" : "question");
  const parts = [plan.shape, guessed > 0 ? `${asked} (${guessed} guessed — review)` : asked];
  const kinds = { turn: "speaker turn", subheading: "sub-heading", list: "list" };
  for (const [type, word] of Object.entries(kinds)) if (count(type) > 0) parts.push(plural(count(type), word));
  return parts.join(", ");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function belongsTo(path: string, plan: StoryPlan): boolean {
  const { slug, personId } = plan;
  return (
    path.endsWith(`/${slug}${STORY_EXTENSION}`) ||
    path.includes(`/sources/${slug}.`) ||
    path.endsWith(`/people/${personId}.yaml`)
  );
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 70 ? `${trimmed.slice(0, 69)}…` : trimmed;
}
