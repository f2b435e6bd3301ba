import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { contentRoot } from "./lib/contentRoot.ts";
import { mdxRenderedAtSync } from "./markdown/mdxStories.ts";
import { entryId } from "./schema/entryId.ts";
import { personData, storyData } from "./schema/schema.ts";

const root = contentRoot();

const stories = defineCollection({
  // `_` files are drafts. retainBody: false keeps the store under V8's string limit at 10,000 stories, and
  // .mdx stories are rendered to HTML here like .md, not compiled to a module each (docs/performance.md).
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
