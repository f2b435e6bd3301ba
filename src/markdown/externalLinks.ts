import type { HastPluginDefinition } from "satteri";

const EXTERNAL = /^https?:\/\//i;
const REQUIRED_REL = ["noopener", "noreferrer"];

/** `rel` as a list, whichever shape the tree holds it in. */
function relList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  return [];
}

/** Marks every link to another site `rel="noopener noreferrer"`: it learns nothing of the story, gets no handle on the tab. */
export function externalLinksPlugin(): () => HastPluginDefinition {
  return () => ({
    name: "archive-external-links",
    element: {
      filter: ["a"],
      visit(node) {
        const href = node.properties?.["href"];
        if (typeof href !== "string" || !EXTERNAL.test(href)) return undefined;
        const rel = relList(node.properties?.["rel"]);
        const missing = REQUIRED_REL.filter((value) => !rel.includes(value));
        if (missing.length === 0) return undefined;
        return { ...node, properties: { ...node.properties, rel: [...rel, ...missing] } };
      },
    },
  });
}
