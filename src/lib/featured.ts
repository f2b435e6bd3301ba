/** The home page's featured quote, resolved against the story it comes from. */
import { readFileSync } from "node:fs";
import { allStories } from "./content.ts";
import { render } from "astro:content";
import { site } from "../site.config.ts";

/** The configured quote, or null when this archive lacks its story; a wrong question or quote stops the build. */
export async function featuredQuote() {
  const { featured } = site;
  const where = `src/site.config.ts: featured`;
  const story = (await allStories()).find((s) => s.id === featured.story);
  if (!story) return null;
  const { headings } = await render(story.entry);
  const question = headings.find((h) => h.depth === 2 && h.slug === featured.question);
  if (!question) {
    throw new Error(
      `${where}.question "${featured.question}" is not a question of stories/${story.id}; use one of: ${headings
        .filter((h) => h.depth === 2)
        .map((h) => h.slug)
        .join(", ")}`,
    );
  }
  // The source file as one line of words, Markdown and MDX alike (the glob loader always records the file).
  const words = readFileSync(story.entry.filePath ?? "", "utf8").replace(/\s+/g, " ");
  if (!words.includes(featured.quote)) {
    throw new Error(`${where}.quote is not word for word in stories/${story.id}; copy it from the story again.`);
  }
  return { quote: featured.quote, story, questionId: question.slug, question: question.text };
}
