import { ImportError } from "./errors.ts";
import { listBlocks, readListLine } from "./listItems.ts";
import { PIPE_LINE } from "./shape.ts";
import { colonWarnings, type Structure } from "./structure.ts";
import type { Block, SourceLine } from "./types.ts";

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
  return { blocks, warnings: colonWarnings(blocks), guesses: [] };
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
