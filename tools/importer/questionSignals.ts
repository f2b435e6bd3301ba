import { plainText } from "./emphasis.ts";

/** How strongly a line reads as an interviewer's prompt, and why; 3 or more is a question. */
export interface Verdict {
  score: number;
  reasons: string[];
}

/** A score at or above this makes a question. */
export const QUESTION_SCORE = 3;

const QUESTION_END = /\?["'”’»)\]]*$/u;
// An answer that ends by quoting a question: `…a coach asked me, "What would …?"`.
const QUOTED_AT_END = /\S.*?[\s(]["“‘«']([^"“”«»]*)\?["”’»']\)?$/u;
const FIRST_PERSON = /(?:^|[^\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself)(?![\p{L}'’])/u;
const SECOND_PERSON = /\b(?:you|your|yours|yourself|you['’](?:re|ve|d|ll))\b/i;
// Interview prompts that ask by request rather than by "?": "Tell us…", "Walk me through…" settle it;
// "Describe a project you…", "Share one habit that makes you…" may also be advice inside an answer.
const REQUEST_TO_US = /^(?:Please\s+)?(?:Tell|Describe|Share|Walk|Talk|Give|Explain|Introduce)\s+(?:us|me)\b/i;
const REQUEST =
  /^(?:Please\s+)?(?:Tell|Describe|Share|Walk|Talk|Give|Explain|Name|List|Pick|Recommend)\s+(?:a|an|one|your|some|any|something|the|about)\b/i;
const SHORT_CHARS = 200;
// The longest prompts seen run to five sentences of context before they ask; answers run longer.
const MAX_QUESTION_SENTENCES = 5;
/** "we", "our": an answer speaking for a team. */
export const OUR = /\b(?:we|our|us|ours)\b/i;

/** True when a line ends the way questions do, closing quotes and brackets allowed. */
export function endsWithQuestionMark(text: string): boolean {
  return QUESTION_END.test(plainText(text).trim());
}

// "e.g. infrastructure", "M.E.C.E. attribution", "Dr. Smith": a full stop that ends no sentence.
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|vs|cf|Mr|Mrs|Ms|Dr|St|Inc|Ltd|approx)|\b\p{Lu}(?:\.\p{Lu})*)\.$/u;

/** The sentences of a line, split after ". ", "? " and "! " before a capital, abbreviations aside. */
export function sentences(text: string): string[] {
  const pieces = text.split(/(?<=[.?!…]["'”’»)\]]*)\s+(?=["'“‘«([]?[\p{Lu}\p{N}])/u).filter((s) => s !== "");
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** True when the line speaks as the interviewee ("I", "my", "me"). */
export function speaksFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(text);
}

/** True when the line addresses the reader or interviewee ("you", "your"). */
export function addressesYou(text: string): boolean {
  return SECOND_PERSON.test(text);
}

/** True for a request-style prompt: "Tell us a little about your current role: …", "Describe a project you…". */
export function isRequestPrompt(text: string): boolean {
  return (REQUEST_TO_US.test(text) || (REQUEST.test(text) && addressesYou(text))) && !speaksFirstPerson(text);
}

/** The first word of a line, lowercased: prompts on one page open alike ("Share…", "Describe…"). */
export function openingWord(text: string): string {
  return (/^[\p{L}'’]+/u.exec(text.trim())?.[0] ?? "").toLowerCase();
}

/**
 * Scores one paragraph on its own words: a "?" at the end, who speaks (an interviewer says "you",
 * an interviewee "I"), whether the "?" closes a quotation inside an answer, request phrasing, length.
 */
export function scoreLine(raw: string): Verdict {
  const text = plainText(raw).trim();
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string) => {
    score += points;
    reasons.push(why);
  };
  const short = text.length <= SHORT_CHARS && sentences(text).length <= 2;
  if (endsWithQuestionMark(text)) {
    const parts = sentences(text);
    // The closing run of questions ("Do you think …? Any advice …?") is what the line asks.
    let from = parts.length - 1;
    while (from > 0 && QUESTION_END.test(parts[from - 1]!)) from--;
    const asking = parts.slice(from).join(" ");
    add(3, "ends with “?”");
    if (QUOTED_AT_END.test(text)) add(-3, "the “?” closes a quotation inside the paragraph");
    // An interviewer may speak as "I" ("I argued… Do you think…?"), but then the question asks "you".
    if (speaksFirstPerson(text) && !addressesYou(asking)) add(-3, "speaks as “I”");
    else if (speaksFirstPerson(text)) add(0, "speaks as “I” but asks “you”");
    else if (!speaksFirstPerson(text) && addressesYou(text)) add(1, "addresses “you”");
    if (OUR.test(asking) && !addressesYou(asking)) add(-2, "asks as “we”");
    if (short) add(1, "short");
    if (parts.length > MAX_QUESTION_SENTENCES) add(-2, `${parts.length} sentences`);
  } else if (isRequestPrompt(text) && text.length <= SHORT_CHARS * 2) {
    if (REQUEST_TO_US.test(text)) add(4, "asks by request (“Tell us…”)");
    else add(3, "asks by request (“Describe a…”, “Share one…”)");
  } else if (asksThenRequests(text)) {
    add(4, "asks, then adds a request (“…? A specific story would be grand.”)");
  }
  return { score, reasons };
}

/**
 * "Where do you feel most impactful? A specific story would be grand.": a prompt that asks "you"
 * and then adds a short request. An answer that asks itself something speaks as "I" or "we".
 */
function asksThenRequests(text: string): boolean {
  const parts = sentences(text);
  const asked = parts.findIndex((s) => QUESTION_END.test(s));
  return (
    asked !== -1 &&
    parts.length <= 3 &&
    text.length <= SHORT_CHARS &&
    addressesYou(parts.slice(0, asked + 1).join(" ")) &&
    !speaksFirstPerson(text) &&
    !OUR.test(parts.slice(0, asked).join(" "))
  );
}

/** True when a line may open the interview as its first prompt although it does not end in "?". */
export function couldBeOpeningPrompt(raw: string): boolean {
  const text = plainText(raw).trim();
  return addressesYou(text) && !speaksFirstPerson(text) && text.length <= SHORT_CHARS * 2;
}
