import { formatPartialDate } from "../dates.ts";
import {
  excerptAroundRun,
  findPhrase,
  longestRun,
  parseExcerpt,
  positionedTokens,
  wordsAt,
  type Bounds,
  type PositionedToken,
} from "./excerpt.ts";
import { containsPhrases, matchWords, normalizeForMatch, type ParsedQuery } from "./parseQuery.ts";
import type { PagefindAnchor, PagefindResultData, PagefindSubResult } from "./pagefindTypes.ts";
import { HIGHLIGHT_PARAM } from "./searchFields.ts";

/** Words of context around the matches in an excerpt (Pagefind is asked for the same). */
export const EXCERPT_WORDS = 32;

/** Longest question shown in a result before it is cut at a word boundary. */
export const QUESTION_MAX_CHARS = 160;

/** What one search result shows, as plain strings (see toResultView). */
export type ResultView = ReturnType<typeof toResultView>;

/** One story's result: `href` opens its best section with terms to mark; `exact`: it holds the query word for word. */
export function toResultView(data: PagefindResultData, query: ParsedQuery) {
  const ranked = rankSections(data, query);
  const best = ranked[0];
  const { meta } = data;
  const person = meta["person"] ?? meta["title"] ?? "";
  const { question, subheading } = headingsFor(best?.section, data.anchors);
  const sought = soughtPhrases(query);
  return {
    href: withHighlights(best?.section.url ?? data.url, best ? highlightsFor(best, query, data) : query.highlights),
    person,
    role: meta["role"] ?? "",
    company: meta["company"] ?? "",
    date: meta["date"] ? formatPartialDate(meta["date"]) : "",
    ...(question ? { question: shorten(question, QUESTION_MAX_CHARS) } : {}),
    ...(subheading ? { subheading: shorten(subheading, QUESTION_MAX_CHARS) } : {}),
    excerpt: parseExcerpt(best ? sectionExcerpt(data, best) : data.excerpt),
    exact: sought.length > 0 && containsPhrases(data.content, sought),
    answers: sought.length > 0 ? ranked.filter((r) => r.phrase !== undefined).length : data.sub_results.length,
  };
}

/** What the story should hold word for word: the quoted phrases, or several loose words in the order typed. */
function soughtPhrases(query: ParsedQuery): string[] {
  if (query.phrases.length > 0) return query.phrases;
  return query.words.length > 1 ? [query.words.join(" ")] : [];
}

type RankedSection = ReturnType<typeof rankSections>[number];

/** Sections by how they answer: the phrase word for word, longest run of matches, distinct words, matches, page order. */
function rankSections(page: PagefindResultData, query: ParsedQuery) {
  const phrase = soughtPhrases(query)[0];
  let tokens: PositionedToken[] | undefined;
  const words = [...query.words, ...query.phrases.flatMap((p) => p.split(" "))];
  const wanted = new Set(words.map((word) => normalizeForMatch(word)).filter(Boolean));
  const ranked = page.sub_results.map((section) => {
    const found =
      phrase !== undefined && page.raw_content
        ? findPhrase((tokens ??= positionedTokens(page.raw_content)), phrase, sectionBounds(section, page.anchors))
        : undefined;
    return {
      section,
      run: longestRun(section.locations),
      ...(found ? { phrase: found } : {}),
      distinct: distinctWordsMarked(section.excerpt, wanted),
      score: section.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0),
    };
  });
  // A stable sort: page order settles what is left.
  return ranked.sort(
    (a, b) =>
      Number(b.phrase !== undefined) - Number(a.phrase !== undefined) ||
      b.run.length - a.run.length ||
      b.distinct - a.distinct ||
      b.score - a.score,
  );
}

/** What the story page marks: the phrase where the section holds it, else the words typed and those Pagefind matched there. */
function highlightsFor(ranked: RankedSection, query: ParsedQuery, data: PagefindResultData): string[] {
  if (ranked.phrase !== undefined) return soughtPhrases(query);
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
function sectionBounds(section: PagefindSubResult, anchors: PagefindAnchor[]): Bounds {
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

/** Stories that hold the query word for word move ahead of the rest; order is otherwise kept. */
export function promoteExact(views: ResultView[]): ResultView[] {
  return [...views.filter((view) => view.exact), ...views.filter((view) => !view.exact)];
}

/** Adds one highlight parameter per term before the #fragment, so the story page can mark them. */
export function withHighlights(url: string, terms: string[]): string {
  if (terms.length === 0) return url;
  const hashAt = url.includes("#") ? url.indexOf("#") : url.length;
  const path = url.slice(0, hashAt);
  const params = new URLSearchParams(terms.map((term) => [HIGHLIGHT_PARAM, term]));
  return `${path}${path.includes("?") ? "&" : "?"}${params.toString()}${url.slice(hashAt)}`;
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
function headingsFor(section: PagefindSubResult | undefined, anchors: PagefindAnchor[]) {
  const id = section ? anchorId(section) : undefined;
  if (!section || id === undefined) return {};
  const anchor = anchors.find((candidate) => candidate.id === id);
  if (!anchor || anchor.element === "h2") return { question: section.title };
  const parent = anchors
    .filter((candidate) => candidate.element === "h2" && candidate.location <= anchor.location)
    .at(-1);
  return parent ? { question: parent.text, subheading: section.title } : { question: section.title };
}

// Pagefind matches word stems, so "engineer" may mark "engineers": compare by prefix.
function distinctWordsMarked(excerpt: string, wanted: Set<string>): number {
  const marked = parseExcerpt(excerpt)
    .filter((segment) => segment.marked)
    .flatMap((segment) => matchWords(segment.text));
  return [...wanted].filter((word) => marked.some((hit) => hit.startsWith(word) || word.startsWith(hit))).length;
}
