import type { Block } from "./types.ts";

/** Titles of a story page's side boxes: "Talks from Jane Doe", "Posts by Jane", "Some of Jane’s writing", "Jane's talks". */
const TITLES = [
  /^(?:talks|posts|articles|essays|writing|papers|presentations|podcasts|videos|books|interviews|projects|links)\s+(?:from|by)\s+\S.{0,60}$/i,
  /^some of\s+\S.{0,40}?['’]s\s+(?:writing|talks|posts|articles|essays|papers|presentations|podcasts|videos|books|work|projects)$/i,
  /^\S.{0,40}?['’]s\s+(?:talks|posts|articles|essays|papers|presentations|podcasts|videos|books|writing)$/i,
];

const ITEM_LIMIT = 200;

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

/** A list, or a side box's item written as a paragraph: one short line with a link in it. */
function isItem(block: Block): boolean {
  return (
    block.type === "list" ||
    (block.type === "paragraph" && block.text.length <= ITEM_LIMIT && /https?:\/\//i.test(block.text))
  );
}
