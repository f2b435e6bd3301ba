import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { contentRoot } from "./lib/contentRoot.ts";
import { mdxRenderedAtSync } from "./markdown/mdxStories.ts";
import { entryId } from "./schema/entryId.ts";
import { personData, storyData } from "./schema/schema.ts";

const root = contentRoot();

const stories = defineCollection({
  // Files starting with `_` are drafts and stay out of the build.
  // retainBody: false keeps the raw Markdown out of the content store: at 10,000 stories
  // the store would otherwise pass V8's string limit (see docs/performance.md).
  // .mdx stories are rendered to HTML here too, like .md, not compiled to a module each.
  loader: mdxRenderedAtSync(
    glob({
      base: `${root}/stories`,
      pattern: ["**/[^_]*.{md,mdx}"],
      generateId: ({ entry }) => entryId(entry),
      retainBody: false,
    }),
  ),
  schema: storyData.extend({ person: reference("people") }),
});

const people = defineCollection({
  loader: glob({ base: `${root}/people`, pattern: ["**/[^_]*.{yaml,yml}"], generateId: ({ entry }) => entryId(entry) }),
  schema: personData,
});

export const collections = { stories, people };
