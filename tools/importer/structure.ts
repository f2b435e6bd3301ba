import { plainText, readInline } from "./inline.ts";
import { decideQuestions, endsWithQuestionMark, QUESTION_SCORE, scoreLine } from "./questions.ts";
import type { RoundTripInput } from "./roundTrip.ts";
import { ImportError, type Block, type Guess, type ListItem, type SourceLine } from "./types.ts";

/** Lines the source's own markup set apart (from .md/.html input): headings and sub-headings. */
export type SourceMarks = Record<"questions" | "subheadings", ReadonlySet<number>>;

/** The blocks, notes for the editor, guesses, and what the round trip needs to read lines the structure reshaped. */
export type Structure = { blocks: Block[]; warnings: string[]; guesses: Guess[] } & Pick<
  RoundTripInput,
  "lineText" | "structural"
>;

/** A forum quote block: the asker's words between "|" marks, as copied from a thread. */
export const PIPE_LINE = /^\s*\|/;
// "Q: …", "Question: …", "A: …": the page's own marks for who asks, not words to keep in a heading.
const QA_LABEL = /^(?:(Q|Question)|A|Answer)\s*[:.]\s+(?=\S)/;
const SENTENCE_END = /[.?!:;,…]["'”’»)\]]*$/u;

/** A line set wholly in bold: every run of words is strong. */
function isWhollyBold(text: string): boolean {
  const runs = readInline(text.trim()).filter((run) => run.text.trim() !== "");
  return runs.length > 0 && runs.every((run) => run.emphasis === "strong");
}

/** A short title-like line: ten words and 80 characters at most, capitalised, no sentence punctuation at the end. */
function looksLikeSubheading(text: string): boolean {
  const trimmed = plainText(text).trim();
  return (
    trimmed.length <= 80 &&
    trimmed.split(/\s+/).length <= 10 &&
    /^[\p{Lu}\p{N}]/u.test(trimmed) &&
    !SENTENCE_END.test(trimmed)
  );
}

/** Builds an interview: questions become headings, the rest answers; lines before the first question open it. */
export function buildInterview(
  body: readonly SourceLine[],
  introEnd: number,
  refs: (field: "questions" | "notQuestions" | "subheadings" | "notSubheadings") => Set<number>,
  file: string,
  marks: SourceMarks = { questions: new Set(), subheadings: new Set() },
): Structure {
  const overrides = {
    questions: refs("questions"),
    notQuestions: refs("notQuestions"),
    subheadings: refs("subheadings"),
    notSubheadings: refs("notSubheadings"),
  };
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
  // A plain-text page that sets its prompts wholly in bold (`**What …?**`) marks them as a page's markup would.
  const boldLines = candidates.filter((l) => isWhollyBold(l.text) && scoreLine(l.text).score >= QUESTION_SCORE);
  const bold = new Set(boldLines.length >= 2 ? boldLines.map((l) => l.number) : []);
  const marked = new Set([...marks.questions, ...labelled.map((l) => l.number), ...bold]);
  const adjacent = (a: SourceLine, b: SourceLine) => position.get(b.number)! - position.get(a.number)! === 1;
  const { questions, guesses } = decideQuestions(candidates, adjacent, { ...overrides, marked });
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
      // A bold prompt's heading is bold already: its words go in without the marks.
      const asked = bold.has(line.number) ? plainText(text) : unlabel(line, text);
      blocks.push({ type: "question", line: line.number, text: asked });
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

  const noQuestions =
    "no recognisable questions: no line reads as an interviewer's prompt after the header. Mark the questions " +
    "with --question LINE (or a `questions:` list in the sidecar), or check that this is an interview";
  if (!blocks.some((b) => b.type === "question")) throw new ImportError(file, noQuestions);
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
  const noQuestion = "no recognisable question: a thread needs the asker's words in a block of lines starting with “|”";
  if (first === -1 || asked.every((line) => stripPipes(line.text) === "")) throw new ImportError(file, noQuestion);
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

// "•" bullets as copied from web pages, plus the ASCII ones people type.
const BULLET = /^\s*[•◦▪‣●*-]\s+(\S.*)$/u;
// Three digits at most: "1986. That year..." opens a sentence, not a list.
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(\S.*)$/;

/** Reads a bullet ("• x", "- x", "* x") or numbered ("1. x", "2) x") line; null for prose. */
export function readListLine(text: string): { ordered: boolean; number: number; text: string } | null {
  const numbered = NUMBERED.exec(text);
  if (numbered) return { ordered: true, number: Number(numbered[1]), text: numbered[2]!.trim() };
  const bullet = BULLET.exec(text);
  return bullet ? { ordered: false, number: 0, text: bullet[1]!.trim() } : null;
}

/** The run of list lines that starts at `lines[from]`, ending before a line that is no list line or `more` rejects. */
function listRun(lines: readonly SourceLine[], from: number, more = (_: SourceLine) => true): SourceLine[] {
  let end = from + 1;
  while (end < lines.length && readListLine(lines[end]!.text) && more(lines[end]!)) end++;
  return lines.slice(from, end);
}

/** List blocks: numbers must count up by one (Markdown renumbers); a lone "3. Measure…" stays a paragraph. */
function listBlocks(lines: readonly SourceLine[]): Block[] {
  const runs: { ordered: boolean; start: number; items: ListItem[]; text: string }[] = [];
  let expected = 0;
  for (const line of lines) {
    const item = readListLine(line.text)!;
    const current = runs.at(-1);
    const entry = { line: line.number, text: item.text };
    if (current && current.ordered === item.ordered && (!item.ordered || item.number === expected))
      current.items.push(entry);
    else runs.push({ ordered: item.ordered, start: item.ordered ? item.number : 1, items: [entry], text: line.text });
    if (item.ordered) expected = item.number + 1;
  }
  return runs.map(({ text, ...run }): Block => {
    const lone = run.ordered && run.start !== 1 && run.items.length === 1;
    return lone ? { type: "paragraph", line: run.items[0]!.line, text: text.trim() } : { type: "list", ...run };
  });
}

/** Lists whose bullets a copy lost: after a line ending in ":" (and maybe a blank line), two or more short lines. */
function findPlainLists(body: readonly SourceLine[]): SourceLine[][] {
  const runs: SourceLine[][] = [];
  for (let i = 0; i < body.length; i++) {
    if (!plainText(body[i]!.text).trim().endsWith(":")) continue;
    let j = body[i + 1]?.text.trim() === "" ? i + 2 : i + 1;
    const run: SourceLine[] = [];
    while (j < body.length && body[j]!.text.trim() !== "") run.push(body[j++]!);
    const item = (text: string) => text.length <= 160 && !readListLine(text) && !/\?["'”’]*$/.test(text);
    if (run.length >= 2 && run.every((line) => item(line.text.trim()))) runs.push(run);
  }
  return runs;
}

/** Titles of a story page's side boxes: "Talks from Jane Doe", "Posts by Jane", "Some of Jane’s writing", "Jane's talks". */
const WORKS =
  "talks|posts|articles|essays|writing|papers|presentations|podcasts|videos|books|interviews|projects|links";
const TITLES = [
  new RegExp(
    `^(?:(?:further|recommended|selected|more)\\s+)?(?:${WORKS}|reading|resources)\\s+(?:from|by)\\s+\\S.{0,60}$`,
    "i",
  ),
  /^(?:further|recommended|suggested)\s+(?:reading|resources|listening)$/i,
  new RegExp(`^(?:${WORKS}|resources|tools)\\s+(?:mentioned|referenced)(?:\\s+in\\s+.{1,60})?$`, "i"),
  /^some of\s+\S.{0,40}?['’]s\s+(?:writing|talks|posts|articles|essays|papers|presentations|podcasts|videos|books|work|projects)$/i,
  /^\S.{0,40}?['’]s\s+(?:talks|posts|articles|essays|papers|presentations|podcasts|videos|books|writing)$/i,
];

/** Whether a line reads as a side box's title. */
export function isAsideTitle(text: string): boolean {
  const title = text.trim().replace(/:$/, "").trim();
  return TITLES.some((pattern) => pattern.test(title));
}

/** Side boxes: a title line followed by a list or short lines with links becomes an `aside` block (turns left alone). */
export function findAsides(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const titled = (block.type === "subheading" || block.type === "paragraph") && isAsideTitle(block.text);
    let end = index + 1;
    while (titled && end < blocks.length && isItem(blocks[end]!)) end++;
    if (!titled || end === index + 1) {
      out.push(block);
      continue;
    }
    out.push({ type: "aside", line: block.line, title: block.text.trim(), blocks: blocks.slice(index + 1, end) });
    index = end - 1;
  }
  return out;
}

/** A list, or a side box's item written as a paragraph: one short line (200 characters) with a link in it. */
function isItem(block: Block): boolean {
  const linkLine = block.type === "paragraph" && block.text.length <= 200 && /https?:\/\//i.test(block.text);
  return block.type === "list" || linkLine;
}
