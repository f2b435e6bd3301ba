import {
  addressesYou,
  couldBeOpeningPrompt,
  isRequestPrompt,
  openingWord,
  OUR,
  QUESTION_SCORE,
  scoreLine,
  speaksFirstPerson,
} from "./questionSignals.ts";
import type { Guess, SourceLine } from "./types.ts";

/** Editor corrections and source markup that settle a line either way. */
export interface QuestionHints {
  questions: ReadonlySet<number>;
  notQuestions: ReadonlySet<number>;
  /** Lines the source itself set as headings (HTML/Markdown `h2`, a paragraph all in bold). */
  marked: ReadonlySet<number>;
}

interface Scored {
  line: SourceLine;
  score: number;
  reasons: string[];
  settledBy?: string;
  guessedBy?: string;
}

// Opening words too common to say two lines were phrased alike.
const GENERIC = new Set(["the", "a", "an", "and", "but", "so", "it", "this", "that", "there", "in", "on", "for", "as"]);
const SETTLED = QUESTION_SCORE + 1;

/**
 * Decides which paragraphs are the interviewer's prompts, reading the page as an editor would:
 * each line's own words (scoreLine), the first prompt after the header, prompts phrased like the
 * page's other prompts, and that every prompt is followed by an answer. Returns the question lines
 * and every decision that no rule of a known shape settled.
 */
export function decideQuestions(
  candidates: readonly SourceLine[],
  adjacent: (a: SourceLine, b: SourceLine) => boolean,
  hints: QuestionHints,
): { questions: Set<number>; guesses: Guess[] } {
  const scored: Scored[] = candidates.map((line) => {
    if (hints.marked.has(line.number)) return { line, score: 9, reasons: [], settledBy: "set as a heading" };
    return { line, ...scoreLine(line.text) };
  });
  const asked = scored.some((s) => s.score >= QUESTION_SCORE) || hints.questions.size > 0;

  // Interviews open with a prompt, and some sites phrase prompts as requests ending in ".".
  const first = scored[0];
  if (asked && first && first.score < QUESTION_SCORE && couldBeOpeningPrompt(first.line.text)) {
    first.score = QUESTION_SCORE;
    first.guessedBy = "the first prompt after the header, though it does not end in “?”";
  }

  // Requests phrased alike ("Share a decision…", "Share one habit…") confirm each other.
  const requests = scored.filter((s) => s.score === QUESTION_SCORE && isRequestPrompt(s.line.text));
  for (const s of requests) {
    const word = openingWord(s.line.text);
    if (requests.filter((other) => openingWord(other.line.text) === word).length < 2) continue;
    s.score += 1;
    s.reasons.push(`phrased like another prompt on the page (“${word} …”)`);
  }

  // One site asks one family of questions: a line opening like the page's sure prompts is one too.
  const family = new Set(
    scored
      .filter((s) => s.score >= SETTLED)
      .map((s) => openingWord(s.line.text))
      .filter((word) => word !== "" && !GENERIC.has(word)),
  );
  scored.forEach((s, k) => {
    const text = s.line.text;
    if (s.score >= QUESTION_SCORE || !family.has(openingWord(text))) return;
    if (speaksFirstPerson(text) || OUR.test(text) || !addressesYou(text) || text.length > 300) return;
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

  const questions = new Set<number>();
  const guesses: Guess[] = [];
  for (const s of scored) {
    const isQuestion = s.score >= QUESTION_SCORE;
    if (isQuestion) questions.add(s.line.number);
    const unsure = s.score >= QUESTION_SCORE - 1 && s.score < SETTLED;
    if (s.settledBy || (!s.guessedBy && !unsure)) continue;
    const why = s.guessedBy ?? s.reasons.join(", ");
    guesses.push({
      line: s.line.number,
      text: s.line.text.trim(),
      decision: `${isQuestion ? "question" : "answer"}: ${why}`,
    });
  }
  return { questions, guesses };
}
