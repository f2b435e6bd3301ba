import type { Page } from "@playwright/test";
import { BASE_PATH, storyPages } from "./site.ts";

/** The text under one heading of a built story page, as a reader sees it. */
export interface StorySection {
  /** Story path relative to the site base, e.g. "stories/jane-doe/". */
  storyPath: string;
  /** Heading id, "" for the text before the first heading. */
  anchor: string;
  heading: string;
  /** The answer's text (the heading itself excluded). */
  text: string;
}

/** Paths of every story page, relative to the base ("stories/jane-doe/"), read from the built sitemap. */
export function storyPaths(): string[] {
  return storyPages()
    .map(({ path }) => path.slice(BASE_PATH.length))
    .sort();
}

/**
 * Reads a built story page into sections, splitting where Pagefind does: at every heading
 * with an id inside the indexed body, skipping whatever carries data-pagefind-ignore.
 */
export async function storySections(page: Page, storyPath: string): Promise<StorySection[]> {
  await page.goto(storyPath);
  const sections = await page.evaluate(() => {
    const body = document.querySelector("[data-pagefind-body]");
    if (!body) throw new Error(`${location.pathname} has no [data-pagefind-body]`);
    const found = [{ anchor: "", heading: "", text: "" }];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node instanceof Element && node.hasAttribute("data-pagefind-ignore")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof HTMLHeadingElement && node.id) {
        found.push({ anchor: node.id, heading: node.textContent?.trim() ?? "", text: "" });
      } else if (node.nodeType === Node.TEXT_NODE && !node.parentElement?.closest("h1, h2, h3, h4, h5, h6")) {
        const current = found[found.length - 1];
        if (current) current.text += ` ${node.textContent ?? ""}`;
      }
    }
    return found.map((section) => ({ ...section, text: section.text.replace(/\s+/g, " ").trim() }));
  });
  return sections.map((section) => ({ ...section, storyPath }));
}

/** Lower-case words only, so phrases compare regardless of case and punctuation. */
export function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{Letter}\p{Number}']+/gu, " ")
    .trim();
}

function has(haystack: string, phrase: string): boolean {
  return ` ${normalize(haystack)} `.includes(` ${normalize(phrase)} `);
}

/**
 * A run of `length` words from the middle of a section's answer that appears in no
 * other section of any story, so exactly one story and one section should hold it.
 */
export function distinctivePhrase(target: StorySection, all: StorySection[], length = 6): string | undefined {
  const words = normalize(target.text).split(" ");
  const others = all.filter((s) => s !== target).map((s) => `${s.heading} ${s.text}`);
  const middle = Math.max(0, Math.floor((words.length - length) / 2));
  // Try windows from the middle outwards: the middle of an answer is least like boilerplate.
  for (let step = 0; step <= words.length; step += 1) {
    for (const start of [middle + step, middle - step]) {
      if (start < 0 || start + length > words.length) continue;
      const phrase = words.slice(start, start + length).join(" ");
      if (phrase.split(" ").filter((w) => w.length >= 4).length >= 2 && !others.some((text) => has(text, phrase))) {
        return phrase;
      }
    }
  }
  return undefined;
}

/** Two words next to each other in one story only, while another story has both words apart. */
export interface SplitPair {
  phrase: string;
  storyPath: string;
  anchor: string;
  /** A story holding both words, but never side by side. */
  otherPath: string;
}

/** Finds a SplitPair, the case where quotes should change the answer; the pair sits in one section only. */
export function pairInOneStoryOnly(all: StorySection[]): SplitPair | undefined {
  const byStory = new Map<string, string>();
  for (const s of all) byStory.set(s.storyPath, `${byStory.get(s.storyPath) ?? ""} ${s.heading} ${s.text}`);
  const wordsOf = new Map([...byStory].map(([path, text]) => [path, new Set(plainWords(text))]));
  for (const section of all) {
    // Text before the first question has no anchor to land on.
    if (!section.anchor) continue;
    // Plain words only: no hyphen or apostrophe inside, no punctuation between the two.
    const raw = section.text.split(/\s+/);
    for (let i = 0; i + 1 < raw.length; i += 1) {
      const [a, b] = [raw[i] ?? "", (raw[i + 1] ?? "").replace(/[.,;:!?)”"’]+$/, "")];
      if (!/^[A-Za-z]{4,}$/.test(a) || !/^[A-Za-z]{4,}$/.test(b)) continue;
      const phrase = `${a} ${b}`.toLowerCase();
      if (all.some((s) => s !== section && has(`${s.heading} ${s.text}`, phrase))) continue;
      const other = [...wordsOf].find(
        ([path, words]) => path !== section.storyPath && words.has(a.toLowerCase()) && words.has(b.toLowerCase()),
      );
      if (other) return { phrase, storyPath: section.storyPath, anchor: section.anchor, otherPath: other[0] };
    }
  }
  return undefined;
}

function plainWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ""))
    .filter((word) => /^[A-Za-z]+$/.test(word))
    .map((word) => word.toLowerCase());
}
