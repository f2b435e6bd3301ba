import { formatPartialDate } from "../dates.ts";
import { excerptText, parseExcerpt, type ExcerptSegment } from "./excerpt.ts";
import { containsPhrases, normalizeForMatch, type ParsedQuery } from "./parseQuery.ts";
import type { PagefindResultData, PagefindSubResult } from "./pagefindTypes.ts";
import { HIGHLIGHT_PARAM } from "./searchFields.ts";

/** Everything one search result shows, as plain strings (the excerpt as marked runs). */
export interface ResultView {
  /** The matching question's section, with the terms to highlight on arrival. */
  href: string;
  person: string;
  role: string;
  company: string;
  /** "Name — Role at Company". */
  storyTitle: string;
  /** "May 2020", or "" when the story has no date. */
  date: string;
  /** The question the match sits under, shortened; absent when the match is in the introduction. */
  question?: string;
  excerpt: ExcerptSegment[];
  /** The story contains the query word for word (each quoted phrase, or all the words in order). */
  exact: boolean;
}

/** Longest question shown in a result before it is cut at a word boundary. */
export const QUESTION_MAX_CHARS = 160;

/** Turns Pagefind's data for one story into what the result list shows. */
export function toResultView(data: PagefindResultData, query: ParsedQuery): ResultView {
  const section = bestSection(data.sub_results, query);
  const meta = data.meta;
  const person = meta["person"] ?? meta["title"] ?? "";
  const role = meta["role"] ?? "";
  const company = meta["company"] ?? "";
  const question = section && isQuestion(section) ? shorten(section.title, QUESTION_MAX_CHARS) : undefined;
  return {
    href: withHighlights(section?.url ?? data.url, query.highlights),
    person,
    role,
    company,
    storyTitle: meta["title"] ?? person,
    date: meta["date"] ? formatPartialDate(meta["date"]) : "",
    ...(question ? { question } : {}),
    excerpt: parseExcerpt(section?.excerpt ?? data.excerpt),
    exact: containsQuery(data.content, query),
  };
}

/**
 * The section that best answers the query: one holding each quoted phrase, then one
 * holding all the words in order, then the most distinct words, then the most matches.
 * Ties keep page order, so the earliest such question wins.
 */
export function bestSection(sections: PagefindSubResult[], query: ParsedQuery): PagefindSubResult | undefined {
  const wholeQuery = query.words.length > 1 ? [query.words.join(" ")] : [];
  const ranked = sections.map((section, order) => {
    const text = excerptText(parseExcerpt(section.excerpt));
    return {
      section,
      order,
      phrases: query.phrases.length > 0 && containsPhrases(text, query.phrases) ? 1 : 0,
      whole: wholeQuery.length > 0 && containsPhrases(text, wholeQuery) ? 1 : 0,
      distinct: distinctWordsMarked(section.excerpt, query.words),
      score: matchScore(section),
    };
  });
  ranked.sort(
    (a, b) =>
      b.phrases - a.phrases || b.whole - a.whole || b.distinct - a.distinct || b.score - a.score || a.order - b.order,
  );
  return ranked[0]?.section;
}

/** True when the text has each quoted phrase, or, for several loose words, all of them in order. */
export function containsQuery(text: string, query: ParsedQuery): boolean {
  if (query.phrases.length > 0) return containsPhrases(text, query.phrases);
  if (query.words.length > 1) return containsPhrases(text, [query.words.join(" ")]);
  return false;
}

/** Stories that hold the query word for word move ahead of the rest; order is otherwise kept. */
export function promoteExact(views: ResultView[]): ResultView[] {
  return [...views.filter((view) => view.exact), ...views.filter((view) => !view.exact)];
}

/** Adds one highlight parameter per term before the #fragment, so the story page can mark them. */
export function withHighlights(url: string, terms: string[]): string {
  if (terms.length === 0) return url;
  const hashAt = url.indexOf("#");
  const path = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  const params = new URLSearchParams(terms.map((term) => [HIGHLIGHT_PARAM, term]));
  return `${path}${path.includes("?") ? "&" : "?"}${params.toString()}${hash}`;
}

/** Cuts text at the last whole word that fits and adds an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

// Pagefind gives text before the first heading a section too, pointing at the page itself.
function isQuestion(section: PagefindSubResult): boolean {
  return section.url.includes("#");
}

function matchScore(section: PagefindSubResult): number {
  const weighted = section.weighted_locations;
  if (weighted && weighted.length > 0) return weighted.reduce((sum, location) => sum + location.balanced_score, 0);
  return section.locations.length;
}

// Pagefind matches word stems, so "engineer" may mark "engineers": compare by prefix.
function distinctWordsMarked(excerpt: string, words: string[]): number {
  const marked = parseExcerpt(excerpt)
    .filter((segment) => segment.marked)
    .flatMap((segment) => normalizeForMatch(segment.text).split(" "))
    .filter(Boolean);
  const wanted = new Set(words.map((word) => normalizeForMatch(word)).filter(Boolean));
  let found = 0;
  for (const word of wanted) {
    if (marked.some((hit) => hit.startsWith(word) || word.startsWith(hit))) found += 1;
  }
  return found;
}
