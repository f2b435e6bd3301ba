/** The kinds of raw text the importer recognises. */
export const sourceShapes = ["story-page", "newsletter", "thread", "transcript", "plain"] as const;
export type SourceShape = (typeof sourceShapes)[number];

/** How each shape is described to readers in `source.format`. */
export const shapeFormats: Record<SourceShape, string | undefined> = {
  "story-page": "story page",
  newsletter: "newsletter email",
  thread: "forum thread",
  transcript: "transcript",
  plain: undefined,
};

/** A refusal an editor can act on; the importer collects these so one run shows every problem. */
export class ImportError extends Error {
  /** The message without the file name (as the editor typed it, or the sidecar/target) in front. */
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "ImportError";
    this.reason = reason;
  }
}

/** Runs a step and gives undefined if it throws: for reads whose failure the next step reports, and best-effort undos. */
export function quietly<T>(step: () => T): T | undefined {
  try {
    return step();
  } catch {
    return undefined;
  }
}

/** One line of the source, numbered from 1 as an editor's text editor shows it. */
export type SourceLine = { number: number; text: string };

/** A line the importer leaves out of the story, and why. */
export type RemovedLine = { line: number; text: string; reason: string };

/** A line whose words moved into the page header; `value` is what the header must show for that ("2021-01"). */
export interface HeaderLine {
  line: number;
  text: string;
  field: "name" | "role" | "recorded" | "published" | "source";
  value: string;
}

/** A structural decision no rule of a known shape settled: the editor should look at it. */
export type Guess = { line: number; text: string; decision: string };

/** One list entry; `text` is the line without its bullet or number. */
export type ListItem = { line: number; text: string };

/** A piece of the transcript, in reading order. `line` points back into the source. */
export type Block =
  | { type: "question"; line: number; text: string }
  | { type: "subheading"; line: number; text: string }
  | { type: "paragraph"; line: number; text: string }
  | { type: "list"; ordered: boolean; start: number; items: ListItem[] }
  /** One speaker's turn in a transcript: hosts ask, guests answer. */
  | { type: "turn"; line: number; speaker: string; role: "guest" | "host"; time?: string | undefined; blocks: Block[] }
  /** A quiet marker where the recording paused ("Sponsor break"); never a heading. */
  | { type: "break"; line: number; label: string }
  /** A side box of the source page ("Talks from …"): its title line and what it holds. */
  | { type: "aside"; line: number; title: string; blocks: Block[] }
  /** A heading whose words the archive added (e.g. "Reply from jorge"); always noted for readers. */
  | { type: "editorial-heading"; text: string };

/** What the importer learned from the text itself, before any editor correction. */
export type Detected = Partial<
  Record<"name" | "role" | "company" | "recorded" | "published" | "interviewer" | "sourceName", string | undefined>
>;
