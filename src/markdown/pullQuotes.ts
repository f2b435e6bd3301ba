import type { LiveContentFinding, TreeNode } from "./liveContent.ts";

/** Words only: case, accents, punctuation and spacing do not make a quote different. */
export function comparableWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

/** An ellipsis in a pull quote marks words left out; each part must still be the story's. */
const ELLIPSIS = /…|\.\.\.|\[…\]|\[\.\.\.\]/;

/**
 * A pull quote sets apart words the speaker said; it may not put new words in their mouth.
 * Every `<PullQuote>` in the tree must repeat, word for word, text found elsewhere in the
 * story (case, punctuation and an ellipsis for left-out words aside).
 */
export function checkPullQuotes(tree: TreeNode): LiveContentFinding[] {
  const quotes: TreeNode[] = [];
  const story = comparableWords(textOutsideQuotes(tree, quotes));
  const findings: LiveContentFinding[] = [];
  for (const quote of quotes) {
    const said = textOutsideQuotes(quote);
    const parts = said.split(ELLIPSIS).map(comparableWords).filter(Boolean);
    const missing = parts.find((part) => !` ${story} `.includes(` ${part} `));
    if (missing === undefined) continue;
    const start = quote.position?.start ?? { line: 1, column: 1 };
    findings.push({
      line: start.line,
      column: start.column,
      message: `<PullQuote> says "${preview(missing)}", which the story does not say elsewhere`,
      hint: "A pull quote repeats the story's own words: copy them from the transcript (use … for words left out).",
    });
  }
  return findings;
}

/** Nodes whose children are blocks: their texts are separate, so a space goes between them. */
const BLOCK_PARENTS = new Set([
  "root",
  "list",
  "listItem",
  "blockquote",
  "mdxJsxFlowElement",
  "table",
  "tableRow",
  "footnoteDefinition",
]);

/** All text under `node`, with pull quotes left out and collected when `quotes` is given. */
function textOutsideQuotes(node: TreeNode, quotes?: TreeNode[]): string {
  if (quotes && node.type === "mdxJsxFlowElement" && node.name === "PullQuote") {
    quotes.push(node);
    return " ";
  }
  if (node.type === "text" || node.type === "inlineCode") return typeof node.value === "string" ? node.value : "";
  const inner = (node.children ?? []).map((child) => textOutsideQuotes(child, quotes));
  return inner.join(BLOCK_PARENTS.has(node.type) ? " " : "");
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
