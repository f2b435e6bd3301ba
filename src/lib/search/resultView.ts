import { formatPartialDate } from "../dates.ts";
import {
  excerptAroundRun,
  findPhrase,
  longestRun,
  parseExcerpt,
  positionedTokens,
  wordsAt,
  type ExcerptSegment,
  type PositionedToken,
  type Run,
} from "./excerpt.ts";
import { containsPhrases, normalizeForMatch, type ParsedQuery } from "./parseQuery.ts";
import type { PagefindAnchor, PagefindResultData, PagefindSubResult } from "./pagefindTypes.ts";
import { HIGHLIGHT_PARAM } from "./searchFields.ts";

/** Words of context around the matches in an excerpt (Pagefind is asked for the same). */
export const EXCERPT_WORDS = 32;

/**
 * Everything one search result shows, as plain strings: `href` is the matching section with the terms
 * to highlight, `question` is absent for a match in the introduction, `exact` says the story holds the
 * query word for word, `answers` counts its sections that answer it.
 */
export interface ResultView {
  href: string;
  person: string;
  role: string;
  company: string;
  storyTitle: string;
  date: string;
  question?: string;
  subheading?: string;
  excerpt: ExcerptSegment[];
  exact: boolean;
  answers: number;
}

/** Longest question shown in a result before it is cut at a word boundary. */
export const QUESTION_MAX_CHARS = 160;

/** Turns Pagefind's data for one story into what the result list shows. */
export function toResultView(data: PagefindResultData, query: ParsedQuery): ResultView {
  const ranked = rankSections(data.sub_results, query, data);
  const best = ranked[0];
  const section = best?.section;
  const meta = data.meta;
  const person = meta["person"] ?? meta["title"] ?? "";
  const { question, subheading } = headingsFor(section, data.anchors);
  const phrased = ranked.filter((r) => r.phrase !== undefined).length;
  return {
    href: withHighlights(section?.url ?? data.url, best ? highlightsFor(best, query, data) : query.highlights),
    person,
    role: meta["role"] ?? "",
    company: meta["company"] ?? "",
    storyTitle: meta["title"] ?? person,
    date: meta["date"] ? formatPartialDate(meta["date"]) : "",
    ...(question ? { question: shorten(question, QUESTION_MAX_CHARS) } : {}),
    ...(subheading ? { subheading: shorten(subheading, QUESTION_MAX_CHARS) } : {}),
    excerpt: parseExcerpt(best ? sectionExcerpt(data, best) : data.excerpt),
    exact: containsQuery(data.content, query),
    answers: lookedForPhrase(query) !== undefined ? phrased : data.sub_results.length,
  };
}

/** A section with what ranks it: its longest run of matched words, and where it holds the phrase word for word. */
interface RankedSection {
  section: PagefindSubResult;
  order: number;
  run: Run;
  phrase?: Run;
  distinct: number;
  score: number;
}

/** The section that best answers the query (see rankSections). */
export function bestSection(
  sections: PagefindSubResult[],
  query: ParsedQuery,
  page?: Pick<PagefindResultData, "raw_content" | "anchors">,
): PagefindSubResult | undefined {
  return rankSections(sections, query, page)[0]?.section;
}

/** The phrase a section should hold: the first quoted one, or several loose words in the order typed. */
function lookedForPhrase(query: ParsedQuery): string | undefined {
  if (query.phrases.length > 0) return query.phrases[0];
  return query.words.length > 1 ? query.words.join(" ") : undefined;
}

/**
 * Sections in the order they answer the query: holding the phrase word for word (read from the page's own
 * text), then the longest run of matched words, the most distinct query words, the most matches, page order.
 */
function rankSections(
  sections: PagefindSubResult[],
  query: ParsedQuery,
  page?: Pick<PagefindResultData, "raw_content" | "anchors">,
): RankedSection[] {
  const phrase = lookedForPhrase(query);
  let tokens: PositionedToken[] | undefined;
  const spot = (section: PagefindSubResult): Run | undefined => {
    if (phrase === undefined || !page?.raw_content) return undefined;
    tokens ??= positionedTokens(page.raw_content);
    return findPhrase(tokens, phrase, sectionBounds(section, page.anchors));
  };
  const ranked = sections.map((section, order): RankedSection => {
    const found = spot(section);
    return {
      section,
      order,
      run: longestRun(section.locations),
      ...(found ? { phrase: found } : {}),
      distinct: distinctWordsMarked(section.excerpt, [...query.words, ...query.phrases.flatMap((p) => p.split(" "))]),
      score: matchScore(section),
    };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.phrase !== undefined) - Number(a.phrase !== undefined) ||
      b.run.length - a.run.length ||
      b.distinct - a.distinct ||
      b.score - a.score ||
      a.order - b.order,
  );
}

/**
 * What the story page marks on arrival: the phrase alone where the section holds it, else the words
 * typed and the words Pagefind matched there (stemmed and typo-tolerant matches too).
 */
function highlightsFor(ranked: RankedSection, query: ParsedQuery, data: PagefindResultData): string[] {
  if (ranked.phrase !== undefined) {
    return query.phrases.length > 0 ? query.phrases : [query.words.join(" ")];
  }
  const matched = data.raw_content ? wordsAt(data.raw_content, ranked.section.locations) : [];
  const typed = new Set(query.highlights.map((term) => term.toLowerCase()));
  return [...query.highlights, ...matched.filter((word) => !typed.has(word))];
}

// Pagefind's own excerpt sits on the densest cluster of any query word; when the words
// also appear side by side, show that run instead, since it is what the reader typed.
function sectionExcerpt(data: PagefindResultData, ranked: RankedSection): string {
  const run = ranked.phrase ?? ranked.run;
  if (run.length < 2 || !data.raw_content) return ranked.section.excerpt;
  const bounds = sectionBounds(ranked.section, data.anchors);
  return excerptAroundRun(data.raw_content, run, ranked.section.locations, bounds, EXCERPT_WORDS);
}

/** Word positions a section covers: from its heading to the next heading. */
function sectionBounds(section: PagefindSubResult, anchors: PagefindAnchor[]): { from: number; to: number } {
  const headings = anchors.filter((anchor) => /^h\d$/i.test(anchor.element)).sort((a, b) => a.location - b.location);
  const id = anchorId(section);
  const from = id === undefined ? 0 : (headings.find((anchor) => anchor.id === id)?.location ?? 0);
  const to = headings.find((anchor) => anchor.location > from)?.location ?? Number.POSITIVE_INFINITY;
  return { from, to };
}

function anchorId(section: PagefindSubResult): string | undefined {
  const hashAt = section.url.indexOf("#");
  return hashAt === -1 ? undefined : decodeURIComponent(section.url.slice(hashAt + 1));
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

/** The question (h2) a section belongs to, and its sub-heading when it starts at an h3; neither before the first heading. */
export function headingsFor(
  section: PagefindSubResult | undefined,
  anchors: PagefindAnchor[],
): { question?: string; subheading?: string } {
  const id = section ? anchorId(section) : undefined;
  if (!section || id === undefined) return {};
  const anchor = anchors.find((candidate) => candidate.id === id);
  if (!anchor || anchor.element === "h2") return { question: section.title };
  const parent = anchors
    .filter((candidate) => candidate.element === "h2" && candidate.location <= anchor.location)
    .at(-1);
  return parent ? { question: parent.text, subheading: section.title } : { question: section.title };
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
