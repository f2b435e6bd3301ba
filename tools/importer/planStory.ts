import { detectShape, findClutter } from "./clutter.ts";
import { readHeader, type HeaderFindings } from "./header.ts";
import { readMarkup } from "./markup.ts";
import { readSource } from "./readSource.ts";
import { personYaml, renderStory } from "./renderMarkdown.ts";
import { checkRoundTrip } from "./roundTrip.ts";
import { loadSidecar, mergeSidecars, resolveLineRefs, type Sidecar } from "./sidecar.ts";
import { resolveMetadata, validateAgainstSchema } from "./storyMetadata.ts";
import { buildInterview, buildThread, findAsides, type Structure } from "./structure.ts";
import { buildTranscript, displayName } from "./transcript.ts";
import { ImportError, type SourceLine, type SourceShape } from "./types.ts";

/** Everything one source turns into, computed in memory; nothing is written yet. */
export type StoryPlan = ReturnType<typeof planStory>;

/** Reads one source and its corrections and renders the story; missing metadata is a refusal (`lenient`: a note). */
export function planStory(file: string, given: Sidecar, lenient = false) {
  const source = readSource(file);
  const sidecar = loadSidecar(file);
  // The day of the first import is saved with the corrections, so a re-import never makes an old story new again.
  const flags = sidecar.data.added || given.added ? given : { ...given, added: new Date().toISOString().slice(0, 10) };
  const settings = mergeSidecars(sidecar.data, flags);
  const markup = readMarkup(file, source.lines.map((line) => line.text).join("\n"));
  const lines = markup?.lines ?? source.lines;
  const refs = (field: keyof Sidecar) => resolveLineRefs(settings, field, lines, sidecar.path);

  const clutter = findClutter(lines, { remove: refs("clutter"), keep: refs("keep") });
  const removed = new Set(clutter.map((c) => c.line));
  const found = detectShape(lines, clutter);
  const shape = settings.shape ?? found.shape;
  const body = lines.filter((line) => !removed.has(line.number));
  const header = readHeaderFor(shape, body, settings);

  const detected = { ...header.detected, sourceName: found.sourceName ?? header.detected.sourceName };
  const meta = resolveMetadata(shape, detected, settings, sidecar.path);
  const { story: base, person } = meta;
  const headerValues = {
    name: person.name,
    role: header.detected.company !== undefined ? `${base.role} at ${base.company}` : base.role,
    recorded: base.recorded,
    source: base.source.name,
    published: base.published,
  };
  // Header lines move to the page header only when it shows them; else they stay in the text.
  const consumed = header.candidates.filter((c) => c.value === headerValues[c.field]);
  const consumedLines = new Set(consumed.map((c) => c.line));
  const text = body.filter((line) => !consumedLines.has(line.number));

  const interviewer = base.interviewer;
  let structure: Structure;
  try {
    if (shape === "transcript") structure = buildTranscript(text, { interviewer, guest: person.name }, file);
    else if (shape !== "thread") structure = buildInterview(text, header.introEnd, refs, file, markup?.marks);
    else {
      const question = settings.headings?.question ?? (interviewer ? `Question from ${interviewer}` : "Question");
      const reply = settings.headings?.reply ?? `Reply from ${person.name}`;
      structure = buildThread(text, { question, reply }, file);
    }
  } catch (error) {
    // The real cause comes first; missing metadata is named after it.
    if (error instanceof ImportError && meta.missing !== undefined)
      throw new ImportError(file, `${error.reason}. Also: ${sidecar.path}: ${meta.missing}`);
    throw error;
  }

  const added = structure.blocks.flatMap((b) => (b.type === "editorial-heading" ? [b.text] : []));
  const headings = added.map((h) => `“${h}”`).join(" and ");
  const addedNote = `The headings ${headings} were added by the archive; the source has no headings.`;
  const notes = [...(settings.editorialNotes ?? []), ...(added.length > 0 ? [addedNote] : [])];
  const story = { ...base, editorialNotes: notes };
  validateAgainstSchema(story, person, sidecar.path);

  const blocks = findAsides(structure.blocks);
  const markdown = renderStory(story, blocks);
  const { lineText, structural } = structure;
  const editorialHeadings = added;
  const roundTrip = checkRoundTrip({
    markdown,
    lines,
    clutter: removed,
    header: consumed,
    headerValues,
    editorialHeadings,
    lineText,
    structural,
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
    person,
    markdown,
    personText: personYaml(person),
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
  let pre: ReturnType<typeof buildTranscript>;
  try {
    pre = buildTranscript(body, { interviewer: settings.interviewer, guest: settings.person?.name }, "");
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
