import type { MdastNode, MdastPluginDefinition } from "satteri";
import { headingId, uniqueId } from "./headingAnchors.ts";
import type { TreeNode } from "./liveContent.ts";
import { attributeOf, isVocabularyName, TURN_TIME, VOCABULARY_CLASS, type VocabularyName } from "./vocabulary.ts";

type Node = Record<string, unknown>;
const text = (value: string): Node => ({ type: "text", value });
/** Any mdast parent renders as the element `hName` says; blockquote is a neutral block to start from. */
const block = (hName: string, hProperties: Node, children: unknown[]): Node => ({
  type: "blockquote",
  data: { hName, hProperties },
  children,
});

const PHRASING = new Set(["text", "emphasis", "strong", "delete", "inlineCode", "break", "link", "image"]);

/** The editorial vocabulary as plain mdast naming its HTML (`data.hName`): no JavaScript module; stories arrive checked. */
export function vocabularyPlugin(): MdastPluginDefinition {
  const asideIds = new Map<string, number>();
  return {
    name: "archive-vocabulary",
    mdxJsxFlowElement(node) {
      const element = node as unknown as TreeNode & { children: unknown[] };
      const name = typeof element.name === "string" ? element.name : "";
      if (!isVocabularyName(name)) return undefined;
      return render(name, element, asideIds) as unknown as MdastNode;
    },
  };
}

function render(name: VocabularyName, node: TreeNode & { children: unknown[] }, asideIds: Map<string, number>) {
  const attr = (key: string) => attributeOf(node, key) ?? "";
  switch (name) {
    case "Aside": {
      const title = attr("title");
      const id = uniqueId(asideIds, `aside-${headingId(title)}`);
      return block("aside", { className: [VOCABULARY_CLASS.aside], ariaLabelledBy: id }, [
        {
          type: "heading",
          depth: 3,
          data: { hProperties: { id, className: [VOCABULARY_CLASS.asideTitle] } },
          children: [text(title)],
        },
        ...node.children,
      ]);
    }
    case "PullQuote":
      // The words are in the story already (liveContent.ts checks): the index counts them once.
      return block("figure", { className: [VOCABULARY_CLASS.pullQuote], dataPagefindIgnore: "" }, [
        { type: "blockquote", children: paragraphs(node.children) },
      ]);
    case "Figure":
      return block("figure", { className: [VOCABULARY_CLASS.figure] }, [
        { type: "image", url: attr("src"), alt: attr("alt") },
        { type: "paragraph", data: { hName: "figcaption" }, children: [text(attr("caption"))] },
      ]);
    case "Turn": {
      const role = attributeOf(node, "role");
      const time = attributeOf(node, "time");
      const who: Node[] = [
        {
          type: "strong",
          data: { hProperties: { className: [VOCABULARY_CLASS.speaker] } },
          children: [text(attr("speaker"))],
        },
      ];
      if (time) {
        who.push(text(" "), {
          type: "emphasis",
          data: { hName: "time", hProperties: { dateTime: duration(time) } },
          children: [text(time)],
        });
      }
      const classes = [VOCABULARY_CLASS.turn, ...(role ? [`${VOCABULARY_CLASS.turn}--${role}`] : [])];
      return block("div", { className: classes }, [
        { type: "paragraph", data: { hProperties: { className: [`${VOCABULARY_CLASS.turn}__who`] } }, children: who },
        ...paragraphs(node.children),
      ]);
    }
    case "Break": {
      const label = attributeOf(node, "label");
      if (!label) return { type: "thematicBreak", data: { hProperties: { className: [VOCABULARY_CLASS.break] } } };
      // A quiet line of text, never a heading: it marks a pause, it does not start a section.
      return {
        type: "paragraph",
        data: { hProperties: { className: [VOCABULARY_CLASS.break], dataPagefindIgnore: "" } },
        children: [text(label)],
      };
    }
  }
}

/** Children as blocks: `<PullQuote>words</PullQuote>` on one line holds bare phrasing, which a paragraph wraps. */
function paragraphs(children: unknown[]): unknown[] {
  const isPhrasing = (child: unknown) => PHRASING.has((child as { type: string }).type);
  return children.length > 0 && children.every(isPhrasing) ? [{ type: "paragraph", children }] : children;
}

/** "1:02:03" -> "PT1H2M3S", the duration form `<time datetime>` takes. */
export function duration(time: string): string {
  const [, hours, minutes, seconds] = TURN_TIME.exec(time) ?? [];
  return `PT${hours ? `${Number(hours)}H` : ""}${Number(minutes ?? 0)}M${Number(seconds ?? 0)}S`;
}
