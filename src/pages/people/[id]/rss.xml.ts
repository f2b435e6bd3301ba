import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { personPaths } from "../../../lib/content.ts";
import { feedResponse } from "../../../lib/feed.ts";
import { personFeed } from "../../../lib/feedCatalog.ts";

export const getStaticPaths = personPaths satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** One person's feed, for readers who follow a person. */
export const GET: APIRoute<Props> = ({ props: { person, stories }, site }) =>
  feedResponse(personFeed({ id: person.id, name: person.data.name }), stories, site);
