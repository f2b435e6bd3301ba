import { Document, Scalar, YAMLSeq } from "yaml";
import { storyData, type PersonData, type StoryData } from "../../src/schema/schema.ts";
import { emphasisMarkdown } from "./inline.ts";
import type { Block } from "./types.ts";

/** The file extension the importer writes stories with: MDX, so side boxes and turns can use the vocabulary. */
export const STORY_EXTENSION = ".mdx";

/** The whole story file: frontmatter, then the transcript as escaped MDX. */
export function renderStory(story: StoryData, blocks: readonly Block[]): string {
  return `---\n${storyFrontmatter(story)}---\n\n${renderBlocks(blocks)}`;
}

/** Questions as `##`, sub-headings `###`; turns, breaks and side boxes in the vocabulary (src/markdown/vocabulary.ts). */
export function renderBlocks(blocks: readonly Block[]): string {
  const parts: string[] = [];
  let previous: Block | undefined;
  let variant = 0;
  for (const block of blocks) {
    if (block.type === "question" || block.type === "editorial-heading")
      parts.push(`## ${emphasisMarkdown(block.text)}`);
    else if (block.type === "subheading") parts.push(`### ${emphasisMarkdown(block.text)}`);
    else if (block.type === "paragraph") parts.push(emphasisMarkdown(block.text));
    else if (block.type === "break") parts.push(`<Break${attributesOf({ label: block.label })} />`);
    else if (block.type === "turn") {
      const attributes = attributesOf({ speaker: block.speaker, role: block.role, time: block.time });
      parts.push(`<Turn${attributes}>\n\n${renderBlocks(block.blocks)}\n</Turn>`);
    } else if (block.type === "aside") {
      parts.push(`<Aside${attributesOf({ title: block.title })}>\n\n${renderBlocks(block.blocks)}\n</Aside>`);
    } else {
      // Two lists in a row merge in Markdown unless their markers differ.
      variant = previous?.type === "list" && previous.ordered === block.ordered ? 1 - variant : 0;
      const marker = (index: number) => (block.ordered ? `${block.start + index}${".)"[variant]}` : "-*"[variant]);
      parts.push(block.items.map((item, index) => `${marker(index)} ${emphasisMarkdown(item.text)}`).join("\n"));
    }
    previous = block;
  }
  return parts.map((part) => `${part}\n`).join("\n");
}

/** JSX attributes as plain strings: MDX decodes references in them and ends them at `"`, so `&` and `"` are references. */
function attributesOf(values: Record<string, string | undefined>): string {
  const escape = (value: string) => value.replace(/\s+/g, " ").trim().replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return Object.entries(values)
    .map(([name, value]) => (value ? ` ${name}="${escape(value)}"` : ""))
    .join("");
}

/** The YAML between a story's `---` fences, in the schema's field order (a test's extra fields after) so re-imports diff cleanly. */
export function storyFrontmatter(story: StoryData): string {
  const fields = new Set([...Object.keys(storyData.shape), ...Object.keys(story)]);
  // YAML leaves out undefined fields; no notes is no field.
  const values: Record<string, unknown> = {
    ...story,
    editorialNotes: story.editorialNotes.length ? story.editorialNotes : undefined,
  };
  const doc = new Document(Object.fromEntries([...fields].map((field) => [field, values[field]])));
  // Dates stay strings: unquoted, YAML 1.1 readers would turn "2021-05-14" into a Date.
  for (const field of ["recorded", "published", "added"]) {
    const node = doc.get(field, true);
    if (node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
  }
  const topics = doc.get("topics", true);
  if (topics instanceof YAMLSeq) topics.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A person file, `people/<id>.yaml` (YAML leaves out a field that is undefined). */
export function personYaml({ name, role, company, links }: PersonData): string {
  return new Document({ name, role, company, links }).toString({ lineWidth: 0 });
}
