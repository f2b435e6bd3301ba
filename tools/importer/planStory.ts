import type { PersonData, StoryData } from "../../src/schema/schema.ts";
import { findAsides } from "./asides.ts";
import { findClutter } from "./clutter.ts";
import { readHeader } from "./header.ts";
import { resolveLineRefs, type LineRef } from "./lineRefs.ts";
import { readSource, type SourceText } from "./readSource.ts";
import { renderStory } from "./renderMarkdown.ts";
import { personYaml } from "./frontmatter.ts";
import { checkRoundTrip, type RoundTrip } from "./roundTrip.ts";
import { detectShape } from "./shape.ts";
import { loadSidecar, mergeSidecars, type LoadedSidecar, type Sidecar } from "./sidecar.ts";
import { resolveMetadata, validateAgainstSchema } from "./storyMetadata.ts";
import { buildInterview, buildThread, type Structure } from "./structure.ts";
import type { Block, HeaderLine, RemovedLine, SourceLine, SourceShape } from "./types.ts";

/** Everything one source turns into, computed in memory; nothing is written yet. */
export interface StoryPlan {
  file: string;
  source: SourceText;
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
  warnings: string[];
  roundTrip: RoundTrip;
}

/**
 * Reads one transcript and its corrections and renders the story. `lenient` (for --check)
 * reports missing metadata as warnings so any text can have its round trip tested.
 */
export function planStory(file: string, flags: Sidecar, lenient = false): StoryPlan {
  const source = readSource(file);
  const sidecar = loadSidecar(file);
  const settings = mergeSidecars(sidecar.data, flags);
  const { lines } = source;
  const refs = (field: keyof Sidecar) =>
    resolveLineRefs((settings[field] ?? []) as LineRef[], lines, sidecar.path, field);

  const clutter = findClutter(lines, { remove: refs("clutter"), keep: refs("keep") });
  const removed = new Set(clutter.map((c) => c.line));
  const found = detectShape(lines, clutter);
  const shape = settings.shape ?? found.shape;
  const body = lines.filter((line) => !removed.has(line.number));
  const header = shape === "thread" ? { detected: {}, candidates: [], introEnd: 0 } : readHeader(body);

  const meta = resolveMetadata(
    shape,
    { ...header.detected, ...(found.sourceName !== undefined ? { sourceName: found.sourceName } : {}) },
    settings,
    sidecar.path,
    lenient,
  );
  const roleLine = `${meta.story.role} at ${meta.story.company}`;
  // Header lines move to the page header only when it shows them word for word; else they stay in the text.
  const consumed = header.candidates.filter((c) => c.text === (c.field === "name" ? meta.person.name : roleLine));
  const consumedLines = new Set(consumed.map((c) => c.line));
  const transcript: SourceLine[] = body.filter((line) => !consumedLines.has(line.number));

  const headings = {
    question:
      settings.headings?.question ?? (meta.story.interviewer ? `Question from ${meta.story.interviewer}` : "Question"),
    reply: settings.headings?.reply ?? `Reply from ${meta.person.name}`,
  };
  const structure: Structure =
    shape === "thread"
      ? buildThread(transcript, headings, file)
      : buildInterview(
          transcript,
          header.introEnd,
          {
            questions: refs("questions"),
            notQuestions: refs("notQuestions"),
            subheadings: refs("subheadings"),
            notSubheadings: refs("notSubheadings"),
          },
          file,
        );

  const added = structure.blocks.flatMap((b) => (b.type === "editorial-heading" ? [b.text] : []));
  const notes = [...(settings.editorialNotes ?? [])];
  if (added.length > 0) {
    notes.push(
      `The headings ${added.map((h) => `“${h}”`).join(" and ")} were added by the archive; the source has no headings.`,
    );
  }
  const story: StoryData = { ...meta.story, editorialNotes: notes };
  validateAgainstSchema(story, meta.person, sidecar.path);

  const blocks = findAsides(structure.blocks);
  const markdown = renderStory(story, blocks);
  const roundTrip = checkRoundTrip({
    markdown,
    lines,
    clutter: removed,
    header: consumed,
    headerValues: { name: meta.person.name, role: roleLine },
    editorialHeadings: added,
  });
  return {
    file,
    source,
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
    warnings: [...meta.warnings, ...structure.warnings],
    roundTrip,
  };
}
