import type { StoryData } from "../../src/schema/schema.ts";
import { emphasisMarkdown } from "./inline.ts";
import { storyFrontmatter } from "./frontmatter.ts";
import type { Block } from "./types.ts";

/** The file extension the importer writes stories with: MDX, so side boxes and turns can use the vocabulary. */
export const STORY_EXTENSION = ".mdx";

/** The whole story file: frontmatter, then the transcript as escaped MDX. */
export function renderStory(story: StoryData, blocks: readonly Block[]): string {
  return `---\n${storyFrontmatter(story)}---\n\n${renderBlocks(blocks)}`;
}

/**
 * Questions as `##`, sub-headings as `###`, lists as Markdown lists; one blank line between
 * blocks. Turns, breaks and side boxes use the editorial vocabulary (src/markdown/vocabulary.ts):
 * `<Turn>` and `<Aside>` wrap their blocks between blank lines, so what is inside stays Markdown.
 */
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
      case "turn": {
        const attributes = { speaker: block.speaker, role: block.role, time: block.time };
        parts.push(`<Turn${attributesOf(attributes)}>\n\n${renderBlocks(block.blocks)}\n</Turn>`);
        break;
      }
      case "break":
        parts.push(`<Break${attributesOf({ label: block.label })} />`);
        break;
      case "aside":
        parts.push(`<Aside${attributesOf({ title: block.title })}>\n\n${renderBlocks(block.blocks)}\n</Aside>`);
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

/**
 * JSX attributes as plain strings. MDX decodes character references in an attribute value and
 * ends it at its quote, so `&` and `"` are written as references; anything else, `{` and `<`
 * included, is text inside quotes.
 */
export function attributesOf(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(
      ([name, value]) =>
        ` ${name}="${value.replace(/\s+/g, " ").trim().replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`,
    )
    .join("");
}
