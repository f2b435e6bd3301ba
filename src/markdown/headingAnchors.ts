import type { HastPluginDefinition } from "satteri";
import { foldCase } from "../lib/slug.ts";
import { VOCABULARY_CLASS } from "./vocabulary.ts";

/** Questions can be long; ids keep their first words so links stay readable. */
const MAX_ID_WORDS = 8;

/** "What does a “normal” Staff-plus engineer do?" -> "what-does-a-normal-staff-plus-engineer-do". */
export function headingId(text: string): string {
  const words = foldCase(text)
    .replace(/[^\p{Letter}\p{Number}\s-]/gu, "")
    .split(/\s+/)
    .map((word) => word.replace(/-+/g, "-").replace(/^-|-$/g, ""))
    .filter(Boolean);
  return words.slice(0, MAX_ID_WORDS).join("-") || "section";
}

/** `id`, or `id-2`, `id-3` … when the page has used it already. */
export function uniqueId(used: Map<string, number>, id: string): string {
  const seen = used.get(id) ?? 0;
  used.set(id, seen + 1);
  return seen > 0 ? `${id}-${seen + 1}` : id;
}

/** Gives each h2 and h3 a short stable id and a permalink named by aria-label ("#" is CSS): the text stays the question. */
export function headingAnchorsPlugin(): () => HastPluginDefinition {
  return () => {
    const used = new Map<string, number>();
    return {
      name: "archive-heading-anchors",
      element: {
        filter: ["h2", "h3"],
        visit(node, ctx) {
          const existing = node.properties?.["id"];
          // GFM's hidden "Footnotes" heading is not a question, nor is an <Aside>'s title.
          if (existing === "footnote-label") return undefined;
          const classes = node.properties?.["className"];
          if (Array.isArray(classes) && classes.includes(VOCABULARY_CLASS.asideTitle)) return undefined;
          const id = uniqueId(
            used,
            typeof existing === "string" && existing !== "" ? existing : headingId(ctx.textContent(node)),
          );
          return {
            ...node,
            properties: { ...node.properties, id },
            children: [
              ...node.children,
              {
                type: "element",
                tagName: "a",
                properties: {
                  href: `#${id}`,
                  className: ["heading-anchor"],
                  ariaLabel: "Link to this question",
                },
                children: [],
              },
            ],
          };
        },
      },
    };
  };
}
