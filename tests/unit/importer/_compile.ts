import { pathToFileURL } from "node:url";
import { htmlToHast } from "satteri";
import { mdxToHtml } from "../../../src/markdown/mdxToHtml.ts";
import { satteriOptions } from "../../../src/markdown/options.ts";
import { vocabularyPlugin } from "../../../src/markdown/vocabularyPlugin.ts";
import { contentRoot } from "../../../src/lib/contentRoot.ts";

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

/** What a browser would get from one MDX snippet: its text, its links, and anything that is not plain prose. */
export interface Compiled {
  html: string;
  text: string;
  links: string[];
  /** Node kinds other than text, p/h2/h3/ul/ol/li and links. */
  foreign: string[];
}

/** A story file's URL, so the site's story-only plugins (inertness, story links) apply. */
const STORY_URL = pathToFileURL(`${contentRoot()}/stories/escaping-test.mdx`);

/**
 * Renders MDX exactly as the site renders a story (the site's own Sätteri options from
 * src/markdown/options.ts, which refuse anything live, plus the editorial vocabulary, as a
 * `.mdx` file under content/stories), independently of the importer's round-trip code, and
 * reads the HTML back as a browser would.
 */
export function compile(mdx: string): Compiled {
  const options = satteriOptions();
  const { html } = mdxToHtml(mdx, {
    ...options,
    mdastPlugins: [...options.mdastPlugins, vocabularyPlugin()],
    fileURL: STORY_URL,
  });
  const tree = htmlToHast(html, { fragment: true }) as unknown as Node;
  const links: string[] = [];
  const foreign: string[] = [];
  const walk = (node: Node): string => {
    switch (node.type) {
      case "root":
        return (node.children ?? []).map(walk).join("");
      case "text":
        return node.value ?? "";
      case "element": {
        const tag = node.tagName!;
        if (tag === "a") links.push(String(node.properties?.["href"]));
        else if (!["p", "h2", "h3", "ul", "ol", "li"].includes(tag)) foreign.push(`<${tag}>`);
        const inner = (node.children ?? []).map(walk).join("");
        return ["p", "h2", "h3", "li"].includes(tag) ? `${inner}\n` : inner;
      }
      default:
        foreign.push(node.type);
        return "";
    }
  };
  const text = walk(tree)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .join("\n");
  return { html, text, links, foreign };
}
