import { htmlToHast } from "satteri";
import { plainText } from "./inline.ts";
import { readListLine, stripPipes } from "./structure.ts";
import type { HeaderLine, SourceLine } from "./types.ts";
import { satteriOptions } from "../../src/markdown/options.ts";
import { storyLinksPlugin } from "../../src/markdown/inertStories.ts";
import { findLiveContent } from "../../src/markdown/liveContent.ts";
import { mdxToHtml } from "../../src/markdown/mdxToHtml.ts";
import { VOCABULARY_CLASS } from "../../src/markdown/vocabulary.ts";
import { vocabularyPlugin } from "../../src/markdown/vocabularyPlugin.ts";

const SITE_FEATURES = satteriOptions().features;

/** A story as the site renders it (its MDX parser, story-links rule and vocabulary), parsed back into a tree. */
export function renderStoryTree(mdx: string): HastLike {
  const { html } = mdxToHtml(mdx, { features: SITE_FEATURES, mdastPlugins: [storyLinksPlugin(), vocabularyPlugin()] });
  return htmlToHast(html, { fragment: true });
}

/** What the round trip needs besides the Markdown: the source and what the importer said it did with each line. */
export interface RoundTripInput {
  markdown: string;
  lines: readonly SourceLine[];
  clutter: ReadonlySet<number>;
  header: readonly HeaderLine[];
  /** What the page header shows, per header field ("recorded" as YYYY-MM). */
  headerValues: Partial<Record<HeaderLine["field"], string | undefined>>;
  editorialHeadings: readonly string[];
  /** Lines whose words the structure reads differently from the raw line (a turn without its speaker label). */
  lineText?: ReadonlyMap<number, string> | undefined;
  /** Lines that are structure only (a speaker label on its own line, a lone timestamp): no words to keep. */
  structural?: ReadonlySet<number> | undefined;
}

/** The parts of a hast node the round trip reads. */
export interface HastLike {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

const BLOCKS = new Set(["p", "h2", "h3", "li"]);
const EMPHASIS = new Set(["em", "strong"]);
const CONTAINERS = new Set(["ul", "ol", "aside", "div"]);
// A turn's speaker line: its words come from attributes the importer set, checked where it reads them.
const CHROME = `${VOCABULARY_CLASS.turn}__who`;

/** Collapses whitespace the way a browser shows it, so tabs and line breaks compare as spaces. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The words of a source line as they should read on the page: list markers, quote bars and emphasis marks are layout. */
export function expectedText(line: string): string {
  const item = readListLine(line);
  return normalizeSpace(plainText(stripPipes(item ? item.text : line)));
}

/** Renders the story as the site does; checks it holds only text, headings, lists and links, and every kept line, in order. */
export function checkRoundTrip(input: RoundTripInput) {
  // The renderer drops what it cannot turn into HTML (a <script>, an {expression}), so live content is
  // looked for in the source first; such a story is refused without rendering it.
  const live = findLiveContent(input.markdown, "mdx");
  const unsafe = live.map((finding) => `line ${finding.line}: ${finding.message}`);
  const blocks: string[] = [];
  collectBlocks(live.length > 0 ? { type: "root" } : renderStoryTree(input.markdown), blocks, unsafe);
  const normalized = blocks.map(normalizeSpace);

  const consumed = new Set(input.header.map((h) => h.line));
  const missing = input.header
    .filter(({ field, value }) => value !== input.headerValues[field])
    .map(({ line, text }) => ({ line, text }));
  const matched = new Set<number>();
  // Blocks one line has wholly accounted for: the answer "hello world" is not inside the question "Is it hello world?".
  const full = new Set<number>();
  let cursor = 0;
  let checkedLines = 0;
  for (const line of input.lines) {
    const skipped = input.clutter.has(line.number) || consumed.has(line.number) || input.structural?.has(line.number);
    if (skipped || line.text.trim() === "") continue;
    checkedLines++;
    const own = input.lineText?.get(line.number);
    const expected = own !== undefined ? normalizeSpace(plainText(own)) : expectedText(line.text);
    const found = normalized.findIndex((block, i) => i >= cursor && !full.has(i) && block.includes(expected));
    if (found === -1) {
      missing.push({ line: line.number, text: line.text });
      continue;
    }
    matched.add(found);
    if (normalized[found] === expected) full.add(found);
    cursor = found;
  }

  const headings = new Set(input.editorialHeadings.map(normalizeSpace));
  const extra = normalized.filter((block, index) => !matched.has(index) && !headings.has(block));
  const ok = missing.length === 0 && unsafe.length === 0 && extra.length === 0;
  return { ok, missing, unsafe, extra, checkedLines };
}

function collectBlocks(node: HastLike, blocks: string[], unsafe: string[]): void {
  for (const child of node.children ?? []) {
    const tag = child.type === "element" ? child.tagName! : "";
    const classes = child.properties?.["className"];
    if (Array.isArray(classes) && classes.includes(CHROME)) continue;
    if (child.type === "text" && child.value?.trim())
      unsafe.push(`text outside any paragraph: "${child.value.trim()}"`);
    else if (BLOCKS.has(tag)) blocks.push(inlineText(child, unsafe, tag === "li"));
    else if (CONTAINERS.has(tag)) collectBlocks(child, blocks, unsafe);
    else if (child.type !== "text") unsafe.push(describe(child));
  }
}

/** The text of one block; only text, emphasis and http(s) links may occur inside (and a list item's paragraphs). */
function inlineText(node: HastLike, unsafe: string[], inListItem: boolean): string {
  let text = "";
  for (const child of node.children ?? []) {
    const tag = child.type === "element" ? child.tagName! : "";
    const link = tag === "a" && /^https?:\/\//i.test(hrefOf(child));
    if (child.type === "text") text += child.value ?? "";
    else if (link || EMPHASIS.has(tag) || (inListItem && tag === "p")) text += inlineText(child, unsafe, false);
    else unsafe.push(describe(child));
  }
  return text;
}

function describe(node: HastLike): string {
  if (node.type !== "element") return `${node.type}${node.value ? ` "${node.value.slice(0, 60)}"` : ""}`;
  return `<${node.tagName}${node.properties?.["href"] !== undefined ? ` href="${hrefOf(node)}"` : ""}> element`;
}

function hrefOf(node: HastLike): string {
  const href = node.properties?.["href"];
  return typeof href === "string" ? href : "";
}
