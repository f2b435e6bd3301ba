import type { StoryData } from "../../src/schema/schema.ts";
import { emphasisMarkdown } from "./emphasis.ts";
import { storyFrontmatter } from "./frontmatter.ts";
import type { Block } from "./types.ts";

/** The whole story file: frontmatter, then the transcript as escaped Markdown. */
export function renderStory(story: StoryData, blocks: readonly Block[]): string {
  return `---\n${storyFrontmatter(story)}---\n\n${renderBlocks(blocks)}`;
}

/** Questions as `##`, sub-headings as `###`, lists as Markdown lists; one blank line between blocks. */
export function renderBlocks(blocks: readonly Block[]): string {
  const parts: string[] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    switch (block.type) {
      case "question":
      case "editorial-heading":
        parts.push(`## ${emphasisMarkdown(block.text)}`);
        break;
      case "subheading":
        parts.push(`### ${emphasisMarkdown(block.text)}`);
        break;
      case "paragraph":
        parts.push(emphasisMarkdown(block.text));
        break;
      case "turn":
        // Until the <Turn> component lands, a turn is its paragraphs; the speaker stays in the block model.
        parts.push(renderBlocks(block.blocks).trimEnd());
        break;
      case "break":
        parts.push(emphasisMarkdown(block.label));
        break;
      case "list": {
        // Two lists in a row merge in Markdown unless their markers differ.
        const alternate =
          previous?.type === "list" && previous.ordered === block.ordered && markerOf(previous, parts) === 0;
        parts.push(renderList(block, alternate ? 1 : 0));
        break;
      }
    }
    previous = block;
  }
  return parts.map((part) => `${part}\n`).join("\n");
}

const BULLETS = ["-", "*"];
const DELIMITERS = [".", ")"];

function renderList(list: Extract<Block, { type: "list" }>, variant: number): string {
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${list.start + index}${DELIMITERS[variant]}` : BULLETS[variant]!;
      return `${marker} ${emphasisMarkdown(item.text)}`;
    })
    .join("\n");
}

/** Which marker variant the last rendered list used, read back from its text. */
function markerOf(list: Extract<Block, { type: "list" }>, parts: readonly string[]): number {
  const last = parts.at(-1) ?? "";
  if (list.ordered) return /^\d+\)/.test(last) ? 1 : 0;
  return last.startsWith("*") ? 1 : 0;
}
