/** What ordering by "added" needs of a story. */
interface Dated {
  added: Date;
  date: Date;
  id: string;
}

/** Stories in the order they entered the archive, newest first, then by their own date and id: feeds and "latest" lists. */
export function byAdded<T extends Dated>(stories: readonly T[]): T[] {
  return [...stories].sort(
    (a, b) => b.added.getTime() - a.added.getTime() || b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id),
  );
}
