/** Which paragraphs of an interview are the interviewer's prompts: each line's own words, then the page as a whole. */
import { plainText } from "./inline.ts";
import type { Guess, SourceLine } from "./types.ts";

/** A score at or above this makes a question. */
export const QUESTION_SCORE = 3;
const SETTLED = QUESTION_SCORE + 1;

const QUESTION_END = /\?["'”’»)\]]*$/u;
// An answer that ends by quoting a question: `…a coach asked me, "What would …?"`.
const QUOTED_AT_END = /\S.*?[\s(]["“‘«']([^"“”«»]*)\?["”’»']\)?$/u;
const FIRST_PERSON = /(?:^|[^\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself)(?![\p{L}'’])/u;
const SECOND_PERSON = /\b(?:you|your|yours|yourself|you['’](?:re|ve|d|ll))\b/i;
// "we", "our": an answer speaking for a team.
const OUR = /\b(?:we|our|us|ours)\b/i;
// Interview prompts that ask by request rather than by "?": "Tell us…", "Walk me through…" settle it;
// "Describe a project you…", "Share one habit that makes you…" may also be advice inside an answer.
const REQUEST_TO_US = /^(?:Please\s+)?(?:Tell|Describe|Share|Walk|Talk|Give|Explain|Introduce)\s+(?:us|me)\b/i;
const REQUEST =
  /^(?:Please\s+)?(?:Tell|Describe|Share|Walk|Talk|Give|Explain|Name|List|Pick|Recommend)\s+(?:a|an|one|your|some|any|something|the|about)\b/i;
const SHORT_CHARS = 200;
// The longest prompts seen run to five sentences of context before they ask; answers run longer.
const MAX_QUESTION_SENTENCES = 5;
// "e.g. infrastructure", "M.E.C.E. attribution", "Dr. Smith": a full stop that ends no sentence.
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|vs|cf|Mr|Mrs|Ms|Dr|St|Inc|Ltd|approx)|\b\p{Lu}(?:\.\p{Lu})*)\.$/u;
// Opening words too common to say two lines were phrased alike.
const GENERIC = new Set(["the", "a", "an", "and", "but", "so", "it", "this", "that", "there", "in", "on", "for", "as"]);

const speaksAsI = (text: string) => FIRST_PERSON.test(text);
const addressesYou = (text: string) => SECOND_PERSON.test(text);
const isRequest = (text: string) =>
  (REQUEST_TO_US.test(text) || (REQUEST.test(text) && addressesYou(text))) && !speaksAsI(text);
// The first word of a line, lowercased: prompts on one page open alike ("Share…", "Describe…").
const openingWord = (text: string) => (/^[\p{L}'’]+/u.exec(text.trim())?.[0] ?? "").toLowerCase();

/** True when a line ends the way questions do, closing quotes and brackets allowed. */
export function endsWithQuestionMark(text: string): boolean {
  return QUESTION_END.test(plainText(text).trim());
}

/** The sentences of a line, split after ". ", "? " and "! " before a capital, abbreviations aside. */
function sentences(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/(?<=[.?!…]["'”’»)\]]*)\s+(?=["'“‘«([]?[\p{Lu}\p{N}])/u)) {
    const last = out.at(-1);
    if (piece === "") continue;
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** Scores one paragraph on its own words: a "?" at the end, who speaks ("you" or "I"), quotations, requests, length. */
export function scoreLine(raw: string): { score: number; reasons: string[] } {
  const text = plainText(raw).trim();
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string) => {
    score += points;
    reasons.push(why);
  };
  const parts = sentences(text);
  if (endsWithQuestionMark(text)) {
    // The closing run of questions ("Do you think …? Any advice …?") is what the line asks.
    let from = parts.length - 1;
    while (from > 0 && QUESTION_END.test(parts[from - 1]!)) from--;
    const asking = parts.slice(from).join(" ");
    add(3, "ends with “?”");
    if (QUOTED_AT_END.test(text)) add(-3, "the “?” closes a quotation inside the paragraph");
    // An interviewer may speak as "I" ("I argued… Do you think…?"), but then the question asks "you".
    if (speaksAsI(text) && !addressesYou(asking)) add(-3, "speaks as “I”");
    else if (speaksAsI(text)) add(0, "speaks as “I” but asks “you”");
    else if (addressesYou(text)) add(1, "addresses “you”");
    if (OUR.test(asking) && !addressesYou(asking)) add(-2, "asks as “we”");
    if (text.length <= SHORT_CHARS && parts.length <= 2) add(1, "short");
    if (parts.length > MAX_QUESTION_SENTENCES) add(-2, `${parts.length} sentences`);
  } else if (isRequest(text) && text.length <= SHORT_CHARS * 2) {
    if (REQUEST_TO_US.test(text)) add(4, "asks by request (“Tell us…”)");
    else add(3, "asks by request (“Describe a…”, “Share one…”)");
  } else if (asksThenRequests(text, parts)) {
    add(4, "asks, then adds a request (“…? A specific story would be grand.”)");
  }
  return { score, reasons };
}

/** "Where do you feel most impactful? A specific story would be grand.": asks "you", then adds a short request. */
function asksThenRequests(text: string, parts: readonly string[]): boolean {
  const asked = parts.findIndex((s) => QUESTION_END.test(s));
  return (
    asked !== -1 &&
    parts.length <= 3 &&
    text.length <= SHORT_CHARS &&
    addressesYou(parts.slice(0, asked + 1).join(" ")) &&
    !speaksAsI(text) &&
    !OUR.test(parts.slice(0, asked).join(" "))
  );
}

type Scored = { line: SourceLine; score: number; reasons: string[]; settledBy?: string; guessedBy?: string };

/** Decides which paragraphs are prompts, as an editor reads the page; returns them and every unsettled decision. */
export function decideQuestions(
  candidates: readonly SourceLine[],
  adjacent: (a: SourceLine, b: SourceLine) => boolean,
  hints: Record<"questions" | "notQuestions" | "marked", ReadonlySet<number>>,
): { questions: Set<number>; guesses: Guess[] } {
  const scored: Scored[] = candidates.map((line) =>
    hints.marked.has(line.number)
      ? { line, score: 9, reasons: [], settledBy: "set as a heading" }
      : { line, ...scoreLine(line.text) },
  );
  const asked = scored.some((s) => s.score >= QUESTION_SCORE) || hints.questions.size > 0;

  // Interviews open with a prompt, and some sites phrase prompts as requests ending in ".".
  const first = scored[0];
  const firstText = plainText(first?.line.text ?? "").trim();
  const couldOpen = addressesYou(firstText) && !speaksAsI(firstText) && firstText.length <= SHORT_CHARS * 2;
  if (asked && first && first.score < QUESTION_SCORE && couldOpen) {
    first.score = QUESTION_SCORE;
    first.guessedBy = "the first prompt after the header, though it does not end in “?”";
  }

  // Requests phrased alike ("Share a decision…", "Share one habit…") confirm each other.
  const requests = scored.filter((s) => s.score === QUESTION_SCORE && isRequest(s.line.text));
  for (const s of requests) {
    const word = openingWord(s.line.text);
    if (requests.filter((other) => openingWord(other.line.text) === word).length < 2) continue;
    s.score += 1;
    s.reasons.push(`phrased like another prompt on the page (“${word} …”)`);
  }

  // One site asks one family of questions: a line opening like the page's sure prompts is one too.
  const sure = scored.filter((s) => s.score >= SETTLED).map((s) => openingWord(s.line.text));
  const family = new Set(sure.filter((word) => word !== "" && !GENERIC.has(word)));
  scored.forEach((s, k) => {
    const text = s.line.text;
    if (s.score >= QUESTION_SCORE || !family.has(openingWord(text))) return;
    if (speaksAsI(text) || OUR.test(text) || !addressesYou(text) || text.length > 300) return;
    const before = scored[k - 1];
    const after = scored[k + 1];
    if (!after || after.score >= QUESTION_SCORE || (before && before.score >= QUESTION_SCORE)) return;
    s.score = QUESTION_SCORE;
    s.guessedBy = `phrased like the page's other prompts (“${openingWord(text)} …”)`;
  });

  for (const s of scored) {
    if (hints.questions.has(s.line.number)) Object.assign(s, { score: 99, settledBy: "marked by the editor" });
    if (hints.notQuestions.has(s.line.number)) Object.assign(s, { score: -99, settledBy: "marked by the editor" });
  }

  // Every question needs an answer: of two prompts in a row, the weaker one is the answer.
  for (let k = 0; k + 1 < scored.length; k++) {
    const a = scored[k]!;
    const b = scored[k + 1]!;
    if (a.score < QUESTION_SCORE || b.score < QUESTION_SCORE || !adjacent(a.line, b.line)) continue;
    const weaker = Math.abs(b.score) >= 99 || (Math.abs(a.score) < 99 && a.score < b.score) ? a : b;
    if (Math.abs(weaker.score) >= 99) continue;
    weaker.score = QUESTION_SCORE - 1;
    weaker.guessedBy = `read as an answer: it ${weaker === b ? "directly follows" : "directly precedes"} another question`;
  }

  const questions = new Set(scored.filter((s) => s.score >= QUESTION_SCORE).map((s) => s.line.number));
  const guesses = scored.flatMap(({ line, score, reasons, settledBy, guessedBy }): Guess[] => {
    const unsure = score >= QUESTION_SCORE - 1 && score < SETTLED;
    if (settledBy || (!guessedBy && !unsure)) return [];
    const decision = `${score >= QUESTION_SCORE ? "question" : "answer"}: ${guessedBy ?? reasons.join(", ")}`;
    return [{ line: line.number, text: line.text.trim(), decision }];
  });
  return { questions, guesses };
}
