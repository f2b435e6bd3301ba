/** Text without accents, lower-cased: the first step of every slug, id and word comparison. */
export function foldCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** URL slug for a company or topic name: "Data Platform & ML" -> "data-platform-ml". */
export function slugify(name: string): string {
  return (
    foldCase(name)
      .replace(/&/g, " and ")
      // So C++, C# and C get pages of their own.
      .replace(/\+/g, " plus ")
      .replace(/#/g, " sharp ")
      .replace(/[^\p{Letter}\p{Number}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
  );
}
