import { relative } from "node:path";
import type { BatchResult, ImportOptions } from "./importBatch.ts";
import type { StoryPlan } from "./planStory.ts";
import { STORY_EXTENSION } from "./renderMarkdown.ts";

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
    out.push(
      held
        ? `    round trip: all ${checkedLines} kept lines are in the story, in order, as plain text`
        : `    round trip FAILED: ${missing.length} missing, ${unsafe.length} unsafe, ${extra.length} unexpected`,
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
