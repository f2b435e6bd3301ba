import type { StoryData } from "../../src/schema/schema.ts";
import { detectShape, findClutter } from "./clutter.ts";
import { readHeader, type HeaderFindings } from "./header.ts";
import { readMarkup } from "./markup.ts";
import { readSource } from "./readSource.ts";
import { personYaml, renderStory } from "./renderMarkdown.ts";
import { checkRoundTrip, type RoundTripInput } from "./roundTrip.ts";
import { loadSidecar, mergeSidecars, resolveLineRefs, type Sidecar } from "./sidecar.ts";
import { resolveMetadata, validateAgainstSchema } from "./storyMetadata.ts";
import { buildInterview, buildThread, findAsides, type Structure } from "./structure.ts";
import { buildTranscript, displayName, type TranscriptStructure } from "./transcript.ts";
import { ImportError, type SourceLine, type SourceShape } from "./types.ts";

/** Everything one source turns into, computed in memory; nothing is written yet. */
export type StoryPlan = ReturnType<typeof planStory>;

/**
 * Reads one transcript and its corrections and renders the story. Missing metadata does not stop
 * the reading: the plan carries it as a refusal (or, with `lenient` for --check, as a note), so the
 * whole outline can be shown. A text with no questions is refused first, with every other problem.
 */
export function planStory(file: string, given: Sidecar, lenient = false) {
  const source = readSource(file);
  const sidecar = loadSidecar(file);
  // A first import is dated today and the day is saved with the corrections, so a re-import
  // never makes an old story new again.
  const flags = sidecar.data.added || given.added ? given : { ...given, added: today() };
  const settings = mergeSidecars(sidecar.data, flags);
  const markup = readMarkup(file, source.lines.map((line) => line.text).join("\n"));
  const lines = markup?.lines ?? source.lines;
  const refs = (field: keyof Sidecar) =>
    resolveLineRefs((settings[field] ?? []) as (number | string)[], lines, sidecar.path, field);

  const clutter = findClutter(lines, { remove: refs("clutter"), keep: refs("keep") });
  const removed = new Set(clutter.map((c) => c.line));
  const found = detectShape(lines, clutter);
  const shape = settings.shape ?? found.shape;
  const body = lines.filter((line) => !removed.has(line.number));
  const header = readHeaderFor(shape, body, settings);

  const meta = resolveMetadata(
    shape,
    { ...header.detected, ...(found.sourceName !== undefined ? { sourceName: found.sourceName } : {}) },
    settings,
    sidecar.path,
  );
  const { story: base } = meta;
  const headerValues: RoundTripInput["headerValues"] = {
    name: meta.person.name,
    role: header.detected.company !== undefined ? `${base.role} at ${base.company}` : base.role,
    recorded: base.recorded,
    source: base.source.name,
    ...(base.published !== undefined ? { published: base.published } : {}),
  };
  // Header lines move to the page header only when it shows them; else they stay in the text.
  const consumed = header.candidates.filter((c) => c.value === headerValues[c.field]);
  const consumedLines = new Set(consumed.map((c) => c.line));
  const text: SourceLine[] = body.filter((line) => !consumedLines.has(line.number));

  const interviewer = meta.story.interviewer;
  const build = (): Structure & Partial<TranscriptStructure> => {
    if (shape === "transcript") return buildTranscript(text, transcriptHints(interviewer, meta.person.name), file);
    if (shape !== "thread") {
      const fields = ["questions", "notQuestions", "subheadings", "notSubheadings"] as const;
      const overrides = Object.fromEntries(fields.map((field) => [field, refs(field)]));
      return buildInterview(
        text,
        header.introEnd,
        overrides as Record<(typeof fields)[number], Set<number>>,
        file,
        markup?.marks,
      );
    }
    const question = settings.headings?.question ?? (interviewer ? `Question from ${interviewer}` : "Question");
    return buildThread(text, { question, reply: settings.headings?.reply ?? `Reply from ${meta.person.name}` }, file);
  };
  let structure: ReturnType<typeof build>;
  try {
    structure = build();
  } catch (error) {
    // The real cause comes first; missing metadata is named after it.
    if (error instanceof ImportError && meta.missing !== undefined)
      throw new ImportError(file, `${error.reason}. Also: ${sidecar.path}: ${meta.missing}`);
    throw error;
  }

  const added = structure.blocks.flatMap((b) => (b.type === "editorial-heading" ? [b.text] : []));
  const notes = [...(settings.editorialNotes ?? [])];
  if (added.length > 0) {
    notes.push(
      `The headings ${added.map((h) => `“${h}”`).join(" and ")} were added by the archive; the source has no headings.`,
    );
  }
  const story: StoryData = { ...base, editorialNotes: notes };
  validateAgainstSchema(story, meta.person, sidecar.path);

  const blocks = findAsides(structure.blocks);
  const markdown = renderStory(story, blocks);
  const roundTrip = checkRoundTrip({
    markdown,
    lines,
    clutter: removed,
    header: consumed,
    headerValues,
    editorialHeadings: added,
    ...(structure.lineText ? { lineText: structure.lineText } : {}),
    ...(structure.structural ? { structural: structure.structural } : {}),
  });
  const missing = meta.missing !== undefined ? new ImportError(sidecar.path, meta.missing) : undefined;
  return {
    file,
    source,
    /** The lines the importer read: the file's own, or the text of a parsed .md/.html page. */
    readLines: lines,
    sidecar,
    /** Flag values the editor gave for this file (stored into the sidecar on import). */
    flags,
    shape,
    slug: meta.slug,
    personId: meta.personId,
    story,
    person: meta.person,
    markdown,
    personText: personYaml(meta.person),
    clutter,
    header: consumed,
    blocks,
    guesses: [...header.guesses, ...structure.guesses],
    warnings: [
      ...(missing && lenient ? [`an import would refuse: ${missing.message}`] : []),
      ...meta.warnings,
      ...structure.warnings,
    ],
    /** Why this story may not be written (missing metadata); the outline is still complete. */
    refusals: missing && !lenient ? [missing] : [],
    roundTrip,
  };
}

const NO_HEADER: HeaderFindings = { detected: {}, candidates: [], introEnd: 0, guesses: [] };

/** The page header: a thread has none; a transcript's is before the first turn, its guest's full-name label names the person. */
function readHeaderFor(shape: SourceShape, body: readonly SourceLine[], settings: Sidecar): HeaderFindings {
  if (shape === "thread") return NO_HEADER;
  if (shape !== "transcript") return readHeader(body);
  let pre: TranscriptStructure | undefined;
  try {
    pre = buildTranscript(body, transcriptHints(settings.interviewer, settings.person?.name), "");
  } catch {
    return NO_HEADER;
  }
  const header = readHeader(
    body.filter((line) => line.number <= pre.preambleEnd),
    true,
  );
  const guest = pre.guests.length === 1 ? displayName(pre.guests[0]!) : "";
  if (header.detected.name === undefined && /^\p{Lu}\S*(?:\s\p{Lu}\S*)+$/u.test(guest)) header.detected.name = guest;
  return header;
}

/** Who asks and who answers: "A:" is the story's person, whether the header or the editor named them. */
function transcriptHints(interviewer: string | undefined, guest: string | undefined) {
  return { ...(interviewer !== undefined ? { interviewer } : {}), ...(guest !== undefined ? { guest } : {}) };
}

/** Today's date in UTC, `2026-12-07`: the day a story enters the archive. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}
