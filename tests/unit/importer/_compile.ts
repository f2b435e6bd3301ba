import { mdxToHast } from "satteri";

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

/** What a browser would get from one MDX snippet: its text, its links, and anything that is not plain prose. */
export interface Compiled {
  text: string;
  links: string[];
  /** Node kinds other than text, p/h2/h3/ul/ol/li, http(s) links and one-character string expressions. */
  foreign: string[];
}

/**
 * Compiles MDX with the same Rust compiler and GFM settings the site uses (independently of
 * the importer's own round-trip code) and reads the result back.
 */
export function compile(mdx: string): Compiled {
  const tree = mdxToHast(mdx, { features: { gfm: true, smartPunctuation: false }, position: false }) as unknown as Node;
  const links: string[] = [];
  const foreign: string[] = [];
  const walk = (node: Node): string => {
    switch (node.type) {
      case "root":
        return (node.children ?? []).map(walk).join("");
      case "text":
        return node.value ?? "";
      case "mdxTextExpression":
        if (/^"[^"\\]"$/.test(node.value ?? "")) return JSON.parse(node.value!) as string;
        foreign.push(`expression {${node.value}}`);
        return "";
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
  return { text, links, foreign };
}
