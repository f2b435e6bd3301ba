import type { HastPluginDefinition } from "satteri";

const EXTERNAL = /^https?:\/\//i;

/** Marks every link to another site `rel="noopener noreferrer"`: it learns nothing of the story, gets no handle on the tab. */
export function externalLinksPlugin(): () => HastPluginDefinition {
  return () => ({
    name: "archive-external-links",
    element: {
      filter: ["a"],
      visit(node) {
        const href = node.properties?.["href"];
        if (typeof href !== "string" || !EXTERNAL.test(href)) return undefined;
        // No link arrives with a rel of its own: stories hold no raw HTML or JSX links (liveContent.ts).
        return { ...node, properties: { ...node.properties, rel: ["noopener", "noreferrer"] } };
      },
    },
  });
}
