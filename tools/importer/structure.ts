import { plainText } from "./inline.ts";
import { findPlainLists, listBlocks, listRun, readListLine } from "./lists.ts";
import { decideQuestions, endsWithQuestionMark } from "./questions.ts";
import { ImportError, type Block, type Guess, type SourceLine } from "./types.ts";

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

/** A forum quote block: the asker's words between "|" marks, as copied from a thread. */
export const PIPE_LINE = /^\s*\|/;
// "Q: …", "Question: …", "A: …": the page's own marks for who asks, not words to keep in a heading.
const QA_LABEL = /^(?:(Q|Question)|A|Answer)\s*[:.]\s+(?=\S)/;
const SENTENCE_END = /[.?!:;,…]["'”’»)\]]*$/u;
const MAX_SUBHEADING_WORDS = 10;
const MAX_SUBHEADING_CHARS = 80;

/** A short title-like line: a few words, capitalised, no sentence punctuation at the end. */
function looksLikeSubheading(text: string): boolean {
  const trimmed = plainText(text).trim();
  return (
    trimmed.length <= MAX_SUBHEADING_CHARS &&
    trimmed.split(/\s+/).length <= MAX_SUBHEADING_WORDS &&
    /^[\p{Lu}\p{N}]/u.test(trimmed) &&
    !SENTENCE_END.test(trimmed)
  );
}

/**
 * Builds an interview: questions become headings, the rest answers. Lines up to `introEnd` (the header lines
 * that stay in the text) and any line before the first question open the story. `overrides` are the editor's
 * corrections as line numbers.
 */
export function buildInterview(
  body: readonly SourceLine[],
  introEnd: number,
  overrides: Record<"questions" | "notQuestions" | "subheadings" | "notSubheadings", Set<number>>,
  file: string,
  marks: SourceMarks = { questions: new Set(), subheadings: new Set() },
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
    if (label) lineText.set(line.number, text.slice(label[0].length));
    return label ? text.slice(label[0].length) : text;
  };

  const blocks: Block[] = [];
  for (let i = 0; i < prose.length; i++) {
    const line = prose[i]!;
    const text = line.text.trim();
    const plainRun = runStart.get(line.number);
    if (plainRun) {
      const items = plainRun.map((l) => ({ line: l.number, text: l.text.trim() }));
      blocks.push({ type: "list", ordered: false, start: 1, items });
      i += plainRun.length - 1;
    } else if (questions.has(line.number)) {
      blocks.push({ type: "question", line: line.number, text: unlabel(line, text) });
    } else if (line.number > introEnd && readListLine(text) && !overrides.subheadings.has(line.number)) {
      const run = listRun(prose, i, (next) => !questions.has(next.number));
      blocks.push(...listBlocks(run));
      i += run.length - 1;
    } else {
      const previous = blocks.at(-1);
      const next = prose[i + 1];
      const heading =
        overrides.subheadings.has(line.number) ||
        (!overrides.notSubheadings.has(line.number) &&
          blocks.some((b) => b.type === "question") &&
          (marks.subheadings.has(line.number) ||
            (previous?.type !== "subheading" &&
              previous?.type !== "question" &&
              next !== undefined &&
              !questions.has(next.number) &&
              !endsWithQuestionMark(next.text) &&
              looksLikeSubheading(text))));
      const type = heading ? "subheading" : "paragraph";
      blocks.push({ type, line: line.number, text: heading ? text : unlabel(line, text) });
    }
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

/** Builds a discussion: the quoted question block ("| ... |") under one added heading, the reply under another. */
export function buildThread(
  body: readonly SourceLine[],
  headings: { question: string; reply: string },
  file: string,
): Structure {
  const prose = body.filter((line) => line.text.trim() !== "");
  const first = prose.findIndex((line) => PIPE_LINE.test(line.text));
  let end = first;
  while (end < prose.length && PIPE_LINE.test(prose[end]!.text)) end++;
  const asked = prose.slice(first, end);
  const reply = prose.slice(end);
  if (first === -1 || asked.every((line) => stripPipes(line.text) === "")) {
    throw new ImportError(
      file,
      "no recognisable question: a thread needs the asker's words in a block of lines starting with “|”",
    );
  }
  if (reply.length === 0)
    throw new ImportError(file, "the quoted question has no reply after it; there is no discussion to archive");

  const paragraph = (line: SourceLine, text: string): Block => ({ type: "paragraph", line: line.number, text });
  const blocks: Block[] = prose.slice(0, first).map((line) => paragraph(line, line.text.trim()));
  blocks.push({ type: "editorial-heading", text: headings.question });
  for (const line of asked) if (stripPipes(line.text) !== "") blocks.push(paragraph(line, stripPipes(line.text)));
  blocks.push({ type: "editorial-heading", text: headings.reply });
  for (let i = 0; i < reply.length; i++) {
    if (!readListLine(reply[i]!.text)) {
      blocks.push(paragraph(reply[i]!, reply[i]!.text.trim()));
      continue;
    }
    const run = listRun(reply, i);
    blocks.push(...listBlocks(run));
    i += run.length - 1;
  }
  return { blocks, warnings: colonWarnings(blocks), guesses: [] };
}

/** "| words |" -> "words": the bars mark a quote in the thread, they are not the asker's words. */
export function stripPipes(text: string): string {
  return text.trim().replace(/^\|/, "").replace(/\|$/, "").trim();
}

/** Flags lines that promise a list ("...focusing on:") when no list follows: the source may have lost it. */
function colonWarnings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block, index) =>
    block.type === "paragraph" && plainText(block.text).endsWith(":") && blocks[index + 1]?.type !== "list"
      ? [`line ${block.line} ends with “:” but no list follows; the list may be missing from the source`]
      : [],
  );
}
