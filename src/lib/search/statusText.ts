import { count as counted } from "../plural.ts";

/** "12 answers in 5 stories match “staff project”." (`answers` once every result is read), or a filters-only count. */
export function resultCountText(status: { query: string; count: number; filtered: boolean; answers?: number }): string {
  const { query, count, filtered, answers } = status;
  if (query === "" && !filtered) return "";
  const stories = count === 0 ? "No stories" : counted(count, "story");
  const amount =
    answers !== undefined && count > 0 && query !== ""
      ? `${counted(answers, "answer")} in ${stories.replace(/^N/, "n")}`
      : stories;
  const verb = count === 1 ? "matches" : "match";
  // A query with its own quotes reads best as typed, without a second pair around it.
  const what = query === "" ? "" : query.includes('"') ? ` ${query}` : ` “${query}”`;
  const where = filtered ? (query === "" ? " the chosen filters" : " with the chosen filters") : "";
  return `${amount} ${verb}${what}${where}.`;
}

/** "Showing 10 of 42." for the list's footer; "" when everything is shown. */
export function shownText(shown: number, total: number): string {
  return shown >= total ? "" : `Showing ${shown} of ${total}.`;
}
