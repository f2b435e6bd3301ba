import { ImportError } from "./errors.ts";
import { listBlocks, readListLine } from "./listItems.ts";
import { PIPE_LINE } from "./shape.ts";
import type { Block, SourceLine } from "./types.ts";

/** Editor corrections to the question and sub-heading guesses, as line numbers. */
export interface StructureOverrides {
  questions: Set<number>;
  notQuestions: Set<number>;
  subheadings: Set<number>;
  notSubheadings: Set<number>;
}

/** The transcript's blocks plus notes for the editor about guesses worth a second look. */
export interface Structure {
  blocks: Block[];
  warnings: string[];
}

const QUESTION_END = /\?["'”’»)\]]*$/u;
const SENTENCE_END = /[.?!:;,…]["'”’»)\]]*$/u;
const MAX_SUBHEADING_WORDS = 10;
const MAX_SUBHEADING_CHARS = 80;

/** True when a line ends the way questions do, closing quotes and brackets allowed. */
export function endsWithQuestionMark(text: string): boolean {
  return QUESTION_END.test(text.trim());
}

/** A short title-like line: a few words, capitalised, no sentence punctuation at the end. */
export function looksLikeSubheading(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= MAX_SUBHEADING_CHARS &&
    trimmed.split(/\s+/).length <= MAX_SUBHEADING_WORDS &&
    /^[\p{Lu}\p{N}]/u.test(trimmed) &&
    !SENTENCE_END.test(trimmed)
  );
}

/**
 * Builds an interview: questions become headings, the rest answers. `intro` lines (the
 * "recorded in" line and any unclaimed header line) open the story before the first question.
 */
export function buildInterview(
  body: readonly SourceLine[],
  introEnd: number,
  overrides: StructureOverrides,
  file: string,
): Structure {
  const warnings: string[] = [];
  const blocks: Block[] = [];
  const prose = body.filter((line) => line.text.trim() !== "");
  const answersFrom = prose.filter((line) => line.number > introEnd && !readListLine(line.text));
  // The opening-prompt rule only applies to texts that are recognisably Q&A: some line asks something.
  const anyAsked = answersFrom.some((line) => endsWithQuestionMark(line.text)) || overrides.questions.size > 0;
  const firstPrompt = anyAsked ? answersFrom[0] : undefined;

  for (let i = 0; i < prose.length; i++) {
    const line = prose[i]!;
    const text = line.text.trim();
    if (line.number <= introEnd) {
      blocks.push(paragraph(line, text));
      continue;
    }
    if (readListLine(text) && !overrides.questions.has(line.number) && !overrides.subheadings.has(line.number)) {
      const run = [line];
      while (i + 1 < prose.length && readListLine(prose[i + 1]!.text)) run.push(prose[++i]!);
      blocks.push(...listBlocks(run));
      continue;
    }
    const previous = blocks.at(-1);
    if (isQuestion(line, text, previous, firstPrompt, overrides, warnings)) {
      blocks.push({ type: "question", line: line.number, text });
      continue;
    }
    const next = prose[i + 1];
    const insideAnswer = blocks.some((b) => b.type === "question");
    const heading =
      overrides.subheadings.has(line.number) ||
      (!overrides.notSubheadings.has(line.number) &&
        insideAnswer &&
        previous?.type !== "subheading" &&
        next !== undefined &&
        !endsWithQuestionMark(next.text) &&
        looksLikeSubheading(text));
    blocks.push(
      heading ? { type: "subheading", line: line.number, text } : { type: "paragraph", line: line.number, text },
    );
  }

  if (!blocks.some((b) => b.type === "question")) {
    throw new ImportError(
      file,
      "no recognisable questions: no line ends with “?” after the header. Mark the questions with --question LINE " +
        "(or a `questions:` list in the sidecar), or check that this is an interview",
    );
  }
  warnings.push(...colonWarnings(blocks));
  return { blocks, warnings };
}

function isQuestion(
  line: SourceLine,
  text: string,
  previous: Block | undefined,
  firstPrompt: SourceLine | undefined,
  overrides: StructureOverrides,
  warnings: string[],
): boolean {
  if (overrides.questions.has(line.number)) return true;
  if (overrides.notQuestions.has(line.number)) return false;
  // Interviews open with a prompt, and newsletters phrase some prompts as requests ending in ".".
  if (line === firstPrompt) return true;
  if (!endsWithQuestionMark(text)) return false;
  if (previous?.type === "question") {
    // Every question needs an answer, so a "?" line straight after one is the start of the answer.
    warnings.push(`line ${line.number} ends with “?” but directly follows a question, so it is read as the answer`);
    return false;
  }
  return true;
}

/** Flags lines that promise a list ("...focusing on:") when no list follows: the source may have lost it. */
function colonWarnings(blocks: readonly Block[]): string[] {
  const warnings: string[] = [];
  blocks.forEach((block, index) => {
    if (block.type === "paragraph" && block.text.endsWith(":") && blocks[index + 1]?.type !== "list") {
      warnings.push(`line ${block.line} ends with “:” but no list follows; the list may be missing from the source`);
    }
  });
  return warnings;
}

/** Headings the archive adds to a thread, which has none of its own. */
export interface ThreadHeadings {
  question: string;
  reply: string;
}

/** Builds a discussion: the quoted question block ("| ... |"), then the reply. */
export function buildThread(body: readonly SourceLine[], headings: ThreadHeadings, file: string): Structure {
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

  const blocks: Block[] = prose.slice(0, first).map((line) => paragraph(line, line.text.trim()));
  blocks.push({ type: "editorial-heading", text: headings.question });
  for (const line of asked) {
    const text = stripPipes(line.text);
    if (text !== "") blocks.push(paragraph(line, text));
  }
  blocks.push({ type: "editorial-heading", text: headings.reply });
  for (let i = 0; i < reply.length; i++) {
    const line = reply[i]!;
    if (!readListLine(line.text)) {
      blocks.push(paragraph(line, line.text.trim()));
      continue;
    }
    const run = [line];
    while (i + 1 < reply.length && readListLine(reply[i + 1]!.text)) run.push(reply[++i]!);
    blocks.push(...listBlocks(run));
  }
  return { blocks, warnings: colonWarnings(blocks) };
}

/** "| words |" -> "words": the bars mark a quote in the thread, they are not the asker's words. */
export function stripPipes(text: string): string {
  let words = text.trim();
  if (words.startsWith("|")) words = words.slice(1);
  if (words.endsWith("|")) words = words.slice(0, -1);
  return words.trim();
}

function paragraph(line: SourceLine, text: string): Block {
  return { type: "paragraph", line: line.number, text };
}
