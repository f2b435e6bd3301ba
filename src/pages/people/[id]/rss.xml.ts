import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { allPeople, storiesByPerson } from "../../../lib/content.ts";
import { feedResponse } from "../../../lib/feed.ts";
import { personFeed } from "../../../lib/feedCatalog.ts";

export const getStaticPaths = (async () => {
  const people = await allPeople();
  return people.map((person) => ({ params: { id: person.id }, props: { person } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** One person's feed, for readers who follow a person. */
export const GET: APIRoute<Props> = async ({ props: { person }, site }) =>
  feedResponse(personFeed({ id: person.id, name: person.data.name }), await storiesByPerson(person.id), site);
