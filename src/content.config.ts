import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { contentRoot } from "./lib/contentRoot.ts";
import { personData, storyData } from "./content/schema.ts";

const root = contentRoot();

const stories = defineCollection({
  // Files starting with `_` are drafts and stay out of the build.
  loader: glob({ base: `${root}/stories`, pattern: ["**/[^_]*.{md,mdx}"], retainBody: false }),
  schema: storyData.extend({ person: reference("people") }),
});

const people = defineCollection({
  loader: glob({ base: `${root}/people`, pattern: ["**/[^_]*.{yaml,yml}"] }),
  schema: personData,
});

export const collections = { stories, people };
