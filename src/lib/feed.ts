import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { allStories, companyPaths, personPaths, type StoryView } from "./content.ts";
import { FEED_IMAGE, type FeedDescriptor } from "./feedCatalog.ts";
import { sanitizeFeedHtml } from "./feedHtml.ts";
import { escapeXml, feedWindow, feedXml, type FeedStory } from "./feedXml.ts";
import { absoluteUrl, paths } from "./urls.ts";

/** The response for one feed route (site, company or person): the newest of `stories`, each in full. */
export async function feedResponse(feed: FeedDescriptor, stories: readonly StoryView[], site: URL | undefined) {
  if (!site) {
    throw new Error(
      `${feed.path}: feeds need absolute URLs. Set SITE_URL (e.g. SITE_URL=https://archive.example.org) before building.`,
    );
  }
  const channel = {
    feed,
    selfUrl: absoluteUrl(feed.path, site),
    pageUrl: absoluteUrl(feed.pagePath, site),
    image: { url: absoluteUrl(FEED_IMAGE.path, site), width: FEED_IMAGE.width, height: FEED_IMAGE.height },
  };
  const carrying = await feedsCarrying();
  const items = await Promise.all(
    feedWindow(stories).map((story) => preparedFeedStory(story, site, carrying.get(story.id) ?? 1)),
  );
  const xml = await feedXml(channel, items);
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}

/** Feed items made once and not yet used by every feed that carries them, by site and story. */
const prepared = new Map<string, { item: Promise<FeedStory>; uses: number }>();

let carryingCache: Promise<Map<string, number>> | undefined;

/** How many feeds carry each story: the site's and those of the routes' own person and company lists, each its newest only. */
function feedsCarrying(): Promise<Map<string, number>> {
  carryingCache ??= Promise.all([allStories(), personPaths(), companyPaths()]).then(([stories, people, companies]) => {
    const feeds = [stories, ...people.map((p) => p.props.stories), ...companies.map((c) => c.props.company.stories)];
    const counts = new Map<string, number>();
    for (const story of feeds.flatMap((feed) => feedWindow(feed)))
      counts.set(story.id, (counts.get(story.id) ?? 0) + 1);
    return counts;
  });
  return carryingCache;
}

/** A story's feed item, made once per build for every feed carrying it and dropped after its last use (dev: afresh). */
function preparedFeedStory(story: StoryView, site: URL, feeds: number): Promise<FeedStory> {
  if (!import.meta.env.PROD) return feedStory(story, site);
  const key = `${site.href} ${story.id}`;
  let entry = prepared.get(key);
  if (!entry) prepared.set(key, (entry = { item: feedStory(story, site), uses: feeds }));
  if (--entry.uses <= 0) prepared.delete(key);
  return entry.item;
}

async function feedStory(story: StoryView, site: URL): Promise<FeedStory> {
  const url = absoluteUrl(paths.story(story.id), site);
  const { editorialNotes, source } = story.entry.data;
  const notes = editorialNotes.length
    ? `<h2>Editorial notes</h2><ul>${editorialNotes.map((note) => `<li>${escapeXml(note)}</li>`).join("")}</ul>`
    : "";
  const attribution =
    `<p>First published by <a href="${escapeXml(source.url)}">${escapeXml(source.name)}</a>. ` +
    `<a href="${escapeXml(url)}">Read it on the Staff+ Archive</a>.</p>`;
  return {
    url,
    title: story.title,
    personName: story.person.data.name,
    company: story.entry.data.company,
    topics: story.topics.map((t) => t.name),
    summary: story.entry.data.summary,
    year: story.year,
    added: story.added,
    contentHtml: sanitizeFeedHtml(`${await transcriptHtml(story)}<hr>${notes}${attribution}`, url),
  };
}

let container: Promise<AstroContainer> | undefined;

/** The stored HTML; only a story with an image is rendered again, for its `src` (each container render adds a route). */
async function transcriptHtml(story: StoryView): Promise<string> {
  const rendered = story.entry.rendered;
  if (rendered !== undefined && !rendered.metadata?.imagePaths?.length) return rendered.html;
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(story.entry);
  return (await container).renderToString(Content);
}
