import { plainText } from "./emphasis.ts";
import { ImportError } from "./errors.ts";
import { listBlocks, readListLine } from "./listItems.ts";
import { findPlainLists } from "./plainLists.ts";
import { decideQuestions } from "./questions.ts";
import { endsWithQuestionMark } from "./questionSignals.ts";
import type { Block, Guess, SourceLine } from "./types.ts";

/** Editor corrections to the question and sub-heading guesses, as line numbers. */
export interface StructureOverrides {
  questions: Set<number>;
  notQuestions: Set<number>;
  subheadings: Set<number>;
  notSubheadings: Set<number>;
}

/** Lines the source's own markup set apart (from .md/.html input): headings and sub-headings. */
export interface SourceMarks {
  questions: ReadonlySet<number>;
  subheadings: ReadonlySet<number>;
}

/** The transcript's blocks, notes for the editor, and the decisions no known rule settled. */
export interface Structure {
  blocks: Block[];
  warnings: string[];
  guesses: Guess[];
  /** The words of lines whose label ("Q:", "A:") is structure, without it. */
  lineText?: Map<number, string>;
}

// "Q: …", "Question: …", "A: …": the page's own marks for who asks, not words to keep in a heading.
const QA_LABEL = /^(?:(Q|Question)|A|Answer)\s*[:.]\s+(?=\S)/;

const SENTENCE_END = /[.?!:;,…]["'”’»)\]]*$/u;
const MAX_SUBHEADING_WORDS = 10;
const MAX_SUBHEADING_CHARS = 80;
const NO_MARKS: SourceMarks = { questions: new Set(), subheadings: new Set() };

/** A short title-like line: a few words, capitalised, no sentence punctuation at the end. */
export function looksLikeSubheading(text: string): boolean {
  const trimmed = plainText(text).trim();
  return (
    trimmed.length <= MAX_SUBHEADING_CHARS &&
    trimmed.split(/\s+/).length <= MAX_SUBHEADING_WORDS &&
    /^[\p{Lu}\p{N}]/u.test(trimmed) &&
    !SENTENCE_END.test(trimmed)
  );
}

/**
 * Builds an interview: questions become headings, the rest answers. Lines up to `introEnd` (the
 * header lines that stay in the text) and any line before the first question open the story.
 */
export function buildInterview(
  body: readonly SourceLine[],
  introEnd: number,
  overrides: StructureOverrides,
  file: string,
  marks: SourceMarks = NO_MARKS,
): Structure {
  const prose = body.filter((line) => line.text.trim() !== "");
  const plainRuns = findPlainLists(body.filter((line) => line.number > introEnd));
  const runStart = new Map(plainRuns.map((run) => [run[0]!.number, run]));
  const inRun = new Set(plainRuns.flat().map((line) => line.number));
  const position = new Map(prose.map((line, index) => [line.number, index]));
  const candidates = prose.filter(
    (line) =>
      line.number > introEnd &&
      !inRun.has(line.number) &&
      (!readListLine(line.text) || overrides.questions.has(line.number)),
  );
  const labelled = candidates.filter((line) => QA_LABEL.exec(plainText(line.text).trim())?.[1] !== undefined);
  const { questions, guesses } = decideQuestions(
    candidates,
    (a, b) => position.get(b.number)! - position.get(a.number)! === 1,
    {
      questions: overrides.questions,
      notQuestions: overrides.notQuestions,
      marked: new Set([...marks.questions, ...labelled.map((line) => line.number)]),
    },
  );
  const lineText = new Map<number, string>();
  const unlabel = (line: SourceLine, text: string): string => {
    const label = labelled.length > 0 ? QA_LABEL.exec(text) : null;
    if (!label) return text;
    lineText.set(line.number, text.slice(label[0].length));
    return text.slice(label[0].length);
  };

  const blocks: Block[] = [];
  for (let i = 0; i < prose.length; i++) {
    const line = prose[i]!;
    const text = line.text.trim();
    if (runStart.has(line.number)) {
      const run = runStart.get(line.number)!;
      blocks.push({
        type: "list",
        ordered: false,
        start: 1,
        items: run.map((l) => ({ line: l.number, text: l.text.trim() })),
      });
      i += run.length - 1;
      continue;
    }
    if (questions.has(line.number)) {
      blocks.push({ type: "question", line: line.number, text: unlabel(line, text) });
      continue;
    }
    if (line.number > introEnd && readListLine(text) && !overrides.subheadings.has(line.number)) {
      const run = [line];
      while (i + 1 < prose.length && readListLine(prose[i + 1]!.text) && !questions.has(prose[i + 1]!.number))
        run.push(prose[++i]!);
      blocks.push(...listBlocks(run));
      continue;
    }
    const previous = blocks.at(-1);
    const next = prose[i + 1];
    const insideAnswer = blocks.some((b) => b.type === "question");
    const heading =
      overrides.subheadings.has(line.number) ||
      (!overrides.notSubheadings.has(line.number) &&
        insideAnswer &&
        (marks.subheadings.has(line.number) ||
          (previous?.type !== "subheading" &&
            previous?.type !== "question" &&
            next !== undefined &&
            !questions.has(next.number) &&
            !endsWithQuestionMark(next.text) &&
            looksLikeSubheading(text))));
    blocks.push(heading ? { type: "subheading", line: line.number, text } : paragraph(line, unlabel(line, text)));
  }

  if (!blocks.some((b) => b.type === "question")) {
    throw new ImportError(
      file,
      "no recognisable questions: no line reads as an interviewer's prompt after the header. Mark the questions " +
        "with --question LINE (or a `questions:` list in the sidecar), or check that this is an interview",
    );
  }
  return { blocks, warnings: colonWarnings(blocks), guesses, lineText };
}

/** Flags lines that promise a list ("...focusing on:") when no list follows: the source may have lost it. */
export function colonWarnings(blocks: readonly Block[]): string[] {
  const warnings: string[] = [];
  blocks.forEach((block, index) => {
    if (block.type === "paragraph" && plainText(block.text).endsWith(":") && blocks[index + 1]?.type !== "list") {
      warnings.push(`line ${block.line} ends with “:” but no list follows; the list may be missing from the source`);
    }
  });
  return warnings;
}

function paragraph(line: SourceLine, text: string): Block {
  return { type: "paragraph", line: line.number, text };
}
