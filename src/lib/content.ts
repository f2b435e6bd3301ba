import { getCollection, type CollectionEntry } from "astro:content";
import { partialDateToDate } from "./dates.ts";
import { roleLine } from "./labels.ts";
import { slugify } from "./slug.ts";

type Person = CollectionEntry<"people">;

/** A story with its person and what pages derive: `date` is published, else recorded; `added` orders feeds. */
export type StoryView = Awaited<ReturnType<typeof loadStories>>[number];

/** A company or topic with the stories that belong to it. */
export interface Group {
  name: string;
  slug: string;
  stories: StoryView[];
}

let cache: Promise<StoryView[]> | undefined;

/** Every story, newest first (ties broken by id so the order is stable between builds). */
export function allStories(): Promise<StoryView[]> {
  return (cache ??= loadStories());
}

async function loadStories() {
  const [stories, people] = await Promise.all([getCollection("stories"), getCollection("people")]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const views = stories.map((entry) => {
    const { data } = entry;
    const person = peopleById.get(data.person.id);
    if (!person) {
      throw new Error(
        `stories/${entry.id}: "person" names "${data.person.id}", but there is no people/${data.person.id}.yaml`,
      );
    }
    const date = partialDateToDate(data.published ?? data.recorded);
    return {
      entry,
      id: entry.id,
      person,
      // The title used on pages, in feeds and in search.
      title: `${person.data.name} — ${roleLine(data.role, data.company)}`,
      date,
      added: data.added ? partialDateToDate(data.added) : date,
      year: data.recorded.slice(0, 4),
      companySlug: slugify(data.company),
      topics: data.topics.map((name) => ({ name, slug: slugify(name) })),
    };
  });
  return views.sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
}

let indexes: ReturnType<typeof buildIndexes> | undefined;

/** Lookups every story, person and feed page needs, built once: a scan per page is quadratic at 10,000 stories. */
async function buildIndexes() {
  const stories = await allStories();
  const byCompany = groupBy(stories, (s) => [{ name: s.entry.data.company, slug: s.companySlug }]);
  return {
    stories,
    position: new Map(stories.map((s, k) => [s.id, k])),
    byPerson: Map.groupBy(stories, (s) => s.person.id),
    byCompany,
    byCompanySlug: new Map(byCompany.map((group) => [group.slug, group.stories])),
    byTopic: groupBy(stories, (s) => s.topics),
  };
}

function storyIndexes() {
  return (indexes ??= buildIndexes());
}

/** The story before and after this one in the archive's order (newer first). */
export async function neighbours(id: string) {
  const { stories, position } = await storyIndexes();
  // Not a story (NaN): no neighbours.
  const index = position.get(id) ?? NaN;
  return { newer: stories[index - 1], older: stories[index + 1] };
}

/** Every person, by name. */
export async function allPeople(): Promise<Person[]> {
  const people = await getCollection("people");
  return people.sort((a, b) => a.data.name.localeCompare(b.data.name) || a.id.localeCompare(b.id));
}

/** Stories by one person, newest first. */
export async function storiesByPerson(personId: string): Promise<StoryView[]> {
  return (await storyIndexes()).byPerson.get(personId) ?? [];
}

/** Stories grouped by company, companies by name. */
export async function storiesByCompany(): Promise<Group[]> {
  return (await storyIndexes()).byCompany;
}

/** Stories grouped by topic, topics by name. */
export async function storiesByTopic(): Promise<Group[]> {
  return (await storyIndexes()).byTopic;
}

/** getStaticPaths of a company's page and feed. */
export async function companyPaths() {
  return (await storiesByCompany()).map((company) => ({ params: { slug: company.slug }, props: { company } }));
}

/** getStaticPaths of a person's page and feed: the person and their stories. */
export async function personPaths() {
  const [people, { byPerson }] = await Promise.all([allPeople(), storyIndexes()]);
  return people.map((person) => ({
    params: { id: person.id },
    props: { person, stories: byPerson.get(person.id) ?? [] },
  }));
}

/** Other stories from the same company as this one. */
export async function moreFromCompany(story: StoryView, limit = 5): Promise<StoryView[]> {
  const company = (await storyIndexes()).byCompanySlug.get(story.companySlug) ?? [];
  return company.filter((s) => s.id !== story.id).slice(0, limit);
}

function groupBy(stories: StoryView[], keys: (s: StoryView) => { name: string; slug: string }[]): Group[] {
  const groups = new Map<string, Group>();
  for (const story of stories) {
    for (const { name, slug } of keys(story)) {
      const group = groups.get(slug) ?? { name, slug, stories: [] };
      group.stories.push(story);
      groups.set(slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}
