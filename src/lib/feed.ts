import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import type { StoryView } from "./content.ts";
import { FEED_IMAGE, type FeedDescriptor } from "./feedCatalog.ts";
import { escapeHtml, sanitizeFeedHtml } from "./feedHtml.ts";
import { feedWindow, feedXml, type FeedChannel, type FeedStory } from "./feedXml.ts";
import { absoluteUrl, paths } from "./urls.ts";

/**
 * The response for one feed route (site, company or person): the newest stories of
 * `stories`, each with its full transcript. Every feed route calls this and nothing else.
 */
export async function feedResponse(
  feed: FeedDescriptor,
  stories: readonly StoryView[],
  site: URL | undefined,
): Promise<Response> {
  if (!site) {
    throw new Error(
      `${feed.path}: feeds need absolute URLs. Set SITE_URL (e.g. SITE_URL=https://archive.example.org) before building.`,
    );
  }
  const channel: FeedChannel = {
    feed,
    selfUrl: absoluteUrl(feed.path, site),
    pageUrl: absoluteUrl(feed.pagePath, site),
    image: { url: absoluteUrl(FEED_IMAGE.path, site), width: FEED_IMAGE.width, height: FEED_IMAGE.height },
  };
  const items = await Promise.all(feedWindow(stories).map((story) => feedStory(story, site)));
  const xml = await feedXml(channel, items);
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}

async function feedStory(story: StoryView, site: URL): Promise<FeedStory> {
  const url = absoluteUrl(paths.story(story.id), site);
  return {
    url,
    title: story.title,
    personName: story.person.data.name,
    company: story.entry.data.company,
    topics: story.topics.map((t) => t.name),
    summary: story.entry.data.summary,
    year: story.year,
    added: story.added,
    contentHtml: await storyHtml(story, url),
  };
}

let container: Promise<AstroContainer> | undefined;

/** The story's transcript, notes and attribution as feed-safe HTML. */
async function storyHtml(story: StoryView, url: string): Promise<string> {
  return sanitizeFeedHtml(await renderStoryHtml(story, url), url);
}

/**
 * The transcript's HTML. A story's is in the content store already (`.mdx` stories too, see
 * src/markdown/mdxStories.ts); only one with an image (a `<Figure>`) needs rendering, since
 * Astro's image pipeline fills in its `src` at render time. The container adds a route per
 * render and looks routes up by scanning them, so rendering every story through it grew
 * quadratic (9.5 s at 10,000 stories).
 */
async function transcriptHtml(story: StoryView): Promise<string> {
  const rendered = story.entry.rendered;
  if (rendered !== undefined && !rendered.metadata?.imagePaths?.length) return rendered.html;
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(story.entry);
  return (await container).renderToString(Content);
}

/** The transcript as the story page shows it, plus editorial notes and where it was first published (not yet sanitized). */
async function renderStoryHtml(story: StoryView, url: string): Promise<string> {
  const transcript = await transcriptHtml(story);
  const { editorialNotes, source } = story.entry.data;
  const notes = editorialNotes.length
    ? `<h2>Editorial notes</h2><ul>${editorialNotes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`
    : "";
  const attribution =
    `<p>First published by <a href="${escapeHtml(source.url)}">${escapeHtml(source.name)}</a>. ` +
    `<a href="${escapeHtml(url)}">Read it on the Staff+ Archive</a>.</p>`;
  return `${transcript}<hr>${notes}${attribution}`;
}
