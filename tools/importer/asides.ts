import type { Block } from "./types.ts";

/**
 * Title lines of the side boxes story pages carry beside an interview: "Talks from Jane Doe",
 * "Posts by Jane", "Some of Jane’s writing", "Jane's talks" (an optional colon after any).
 */
const TITLES = [
  /^(?:talks|posts|articles|essays|writing|papers|presentations|podcasts|videos|books|interviews|projects|links)\s+(?:from|by)\s+\S.{0,60}$/i,
  /^some of\s+\S.{0,40}?['’]s\s+(?:writing|talks|posts|articles|essays|papers|presentations|podcasts|videos|books|work|projects)$/i,
  /^\S.{0,40}?['’]s\s+(?:talks|posts|articles|essays|papers|presentations|podcasts|videos|books|writing)$/i,
];

/** A side box's item written as a paragraph: one short line with a link in it. */
const ITEM_LIMIT = 200;

/** Whether a line reads as a side box's title. */
export function isAsideTitle(text: string): boolean {
  const title = text.trim().replace(/:$/, "").trim();
  return TITLES.some((pattern) => pattern.test(title));
}

/**
 * Finds side boxes in the structure: a sub-heading or paragraph that reads as a side box's
 * title, followed by its items (a list, or short lines that each hold a link), becomes an
 * `aside` block holding them, which the story writes as `<Aside title="…">`. A title with no
 * items after it stays what it was. Blocks inside turns are left alone.
 */
export function findAsides(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if ((block.type !== "subheading" && block.type !== "paragraph") || !isAsideTitle(block.text)) {
      out.push(block);
      continue;
    }
    const items: Block[] = [];
    for (let next = index + 1; next < blocks.length; next++) {
      const candidate = blocks[next]!;
      if (candidate.type === "list" || isLinkItem(candidate)) items.push(candidate);
      else break;
    }
    if (items.length === 0) {
      out.push(block);
      continue;
    }
    out.push({ type: "aside", line: block.line, title: block.text.trim(), blocks: items });
    index += items.length;
  }
  return out;
}

function isLinkItem(block: Block): boolean {
  return block.type === "paragraph" && block.text.length <= ITEM_LIMIT && /https?:\/\//i.test(block.text);
}
