import type { PersonData, StoryData } from "../../src/schema/schema.ts";
import { findAsides } from "./asides.ts";
import { detectShape, findClutter } from "./clutter.ts";
import { ImportError } from "./types.ts";
import { readHeader, type HeaderFindings } from "./header.ts";
import { readMarkup } from "./markup.ts";

import { readSource, type SourceText } from "./readSource.ts";
import { personYaml, renderStory } from "./renderMarkdown.ts";

import { checkRoundTrip, type RoundTrip, type RoundTripInput } from "./roundTrip.ts";

import { loadSidecar, mergeSidecars, resolveLineRefs, type LoadedSidecar, type Sidecar } from "./sidecar.ts";
import { resolveMetadata, validateAgainstSchema, type StoryMetadata } from "./storyMetadata.ts";
import { buildInterview, buildThread, type SourceMarks, type Structure } from "./structure.ts";
import { buildTranscript, displayName, type TranscriptStructure } from "./transcript.ts";
import type { Block, Guess, HeaderLine, RemovedLine, SourceLine, SourceShape } from "./types.ts";

/** Everything one source turns into, computed in memory; nothing is written yet. */
export interface StoryPlan {
  file: string;
  source: SourceText;
  /** The lines the importer read: the file's own, or the text of a parsed .md/.html page. */
  readLines: SourceLine[];
  sidecar: LoadedSidecar;
  /** Flag values the editor gave for this file (stored into the sidecar on import). */
  flags: Sidecar;
  shape: SourceShape;
  slug: string;
  personId: string;
  story: StoryData;
  person: PersonData;
  /** The story file as the importer writes it (MDX). */
  markdown: string;
  personText: string;
  clutter: RemovedLine[];
  header: HeaderLine[];
  blocks: Block[];
  /** Structural decisions no rule of a known shape settled, for the editor to review. */
  guesses: Guess[];
  warnings: string[];
  /** Why this story may not be written (missing metadata); the outline is still complete. */
  refusals: ImportError[];
  roundTrip: RoundTrip;
}

/**
 * Reads one transcript and its corrections and renders the story. Missing metadata does not stop
 * the reading: the plan carries it as a refusal (or, with `lenient` for --check, as a note), so the
 * whole outline can be shown. A text with no questions is refused first, with every other problem.
 */
export function planStory(file: string, given: Sidecar, lenient = false): StoryPlan {
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

  let structure: Structure & Partial<TranscriptStructure>;
  try {
    structure = buildStructure(shape, text, header.introEnd, settings, meta, refs, markup?.marks, file);
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
    readLines: lines,
    sidecar,
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
    refusals: missing && !lenient ? [missing] : [],
    roundTrip,
  };
}

const NO_HEADER: HeaderFindings = { detected: {}, candidates: [], introEnd: 0, guesses: [] };

/**
 * The page header: a thread has none; a transcript's is everything before the first turn, and its
 * guest's label names the person when it is a full name.
 */
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

function transcriptHints(interviewer: string | undefined, guest: string | undefined) {
  return { ...(interviewer !== undefined ? { interviewer } : {}), ...(guest !== undefined ? { guest } : {}) };
}

function buildStructure(
  shape: SourceShape,
  text: readonly SourceLine[],
  introEnd: number,
  settings: Sidecar,
  meta: StoryMetadata,
  refs: (field: keyof Sidecar) => Set<number>,
  marks: SourceMarks | undefined,
  file: string,
): Structure & Partial<TranscriptStructure> {
  if (shape === "thread") {
    const interviewer = meta.story.interviewer;
    return buildThread(
      text,
      {
        question: settings.headings?.question ?? (interviewer ? `Question from ${interviewer}` : "Question"),
        reply: settings.headings?.reply ?? `Reply from ${meta.person.name}`,
      },
      file,
    );
  }
  if (shape === "transcript") {
    return buildTranscript(text, transcriptHints(meta.story.interviewer, settings.person?.name), file);
  }
  const overrides = {
    questions: refs("questions"),
    notQuestions: refs("notQuestions"),
    subheadings: refs("subheadings"),
    notSubheadings: refs("notSubheadings"),
  };
  return buildInterview(text, introEnd, overrides, file, marks);
}

/** Today's date in UTC, `2026-12-07`: the day a story enters the archive. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}
