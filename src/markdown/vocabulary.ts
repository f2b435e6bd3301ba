/* The editorial vocabulary: the only JSX a story may hold (docs/stories.md), and what each element accepts. */
import type { TreeNode } from "./liveContent.ts";

/** Class names the stylesheet (src/styles/vocabulary.css) and the heading plugin know the elements by. */
export const VOCABULARY_CLASS = {
  aside: "story-aside",
  asideTitle: "story-aside__title",
  pullQuote: "pull-quote",
  figure: "story-figure",
  turn: "turn",
  speaker: "turn__speaker",
  break: "story-break",
} as const;

/** What one element accepts: plain-string attributes (with a pattern and words for it), and whether it wraps Markdown. */
interface ElementRule {
  attributes: Record<string, { required: boolean; pattern?: RegExp; expected?: string }>;
  children: boolean;
  example: string;
}

/** A speaker's time in the recording: `12:34` or `1:02:03`. */
export const TURN_TIME = /^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$/;
/** An image file beside the story: a relative path that stays inside the content folder. */
const LOCAL_IMAGE = /^(?!.*(?:^|\/)\.\.(?:\/|$))(?:\.\/)?[\w][\w./-]*\.(?:png|jpe?g|webp|avif|gif)$/i;

export const VOCABULARY = {
  Aside: {
    attributes: { title: { required: true } },
    children: true,
    example: '<Aside title="Talks from Jane Doe">\n\n- [Talk](https://…)\n\n</Aside>',
  },
  PullQuote: {
    attributes: {},
    children: true,
    example: "<PullQuote>Words the story says elsewhere.</PullQuote>",
  },
  Figure: {
    attributes: {
      src: {
        required: true,
        pattern: LOCAL_IMAGE,
        expected: "an image file kept beside the story, like ./jane-doe-team.jpg (png, jpg, webp, avif or gif)",
      },
      alt: { required: true },
      caption: { required: true },
    },
    children: false,
    example: '<Figure src="./jane-doe-team.jpg" alt="Five people at a whiteboard" caption="The team in 2021" />',
  },
  Turn: {
    attributes: {
      speaker: { required: true },
      role: { required: false, pattern: /^(?:guest|host)$/, expected: '"guest" or "host"' },
      time: { required: false, pattern: TURN_TIME, expected: "a time in the recording like 12:34 or 1:02:03" },
    },
    children: true,
    example: '<Turn speaker="Jane Doe" role="guest" time="12:34">\n\nWhat she said.\n\n</Turn>',
  },
  Break: {
    attributes: { label: { required: false } },
    children: false,
    example: '<Break label="Sponsor break" />',
  },
} as const satisfies Record<string, ElementRule>;

export type VocabularyName = keyof typeof VOCABULARY;

/** Whether `name` is one of the vocabulary's elements (case matters, as in JSX). */
export function isVocabularyName(name: string): name is VocabularyName {
  return Object.hasOwn(VOCABULARY, name);
}

/** What is wrong with one vocabulary element (block position, only its own string attributes, required ones present). */
export function vocabularyMistake(node: TreeNode, name: VocabularyName): string | undefined {
  const rule: ElementRule = VOCABULARY[name];
  const tag = `<${name}>`;
  if (node.type === "mdxJsxTextElement") return `${tag} must stand on lines of its own, not inside a sentence`;
  const seen = new Set<string>();
  for (const { type, name: key, value } of node.attributes ?? []) {
    if (type !== "mdxJsxAttribute" || typeof key !== "string") return `${tag} has a {…} spread, which is JavaScript`;
    if (/^on/i.test(key)) return `${tag} has an event handler (${key}), which would run as code`;
    const accepts = rule.attributes[key];
    if (!accepts) {
      const known = Object.keys(rule.attributes).map((k) => `"${k}"`);
      return `${tag} has no "${key}" attribute (it takes ${known.join(", ") || "none"})`;
    }
    if (typeof value !== "string") {
      const expression = value === null || value === undefined ? "" : ", not a {…} expression";
      return `${tag}'s "${key}" must be text in quotes, like ${key}="…"${expression}`;
    }
    if (value.trim() === "") return `${tag}'s "${key}" is empty`;
    if (accepts.pattern && !accepts.pattern.test(value.trim())) {
      return `${tag}'s ${key}="${value.trim()}" is not ${accepts.expected ?? "allowed"}`;
    }
    seen.add(key);
  }
  const missing = Object.entries(rule.attributes).find(([key, attr]) => attr.required && !seen.has(key));
  if (missing) return `${tag} needs ${missing[0]}="…"`;
  const hasChildren = (node.children ?? []).length > 0;
  if (!rule.children && hasChildren) return `${tag} holds no text between tags; write it as <${name} … />`;
  if (rule.children && !hasChildren) {
    return `${tag} is empty; put the words it sets apart between <${name}> and </${name}>`;
  }
  return undefined;
}

/** The string value of a checked element's attribute (undefined when absent). */
export function attributeOf(node: TreeNode, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
  return typeof found?.value === "string" ? found.value.trim() : undefined;
}
