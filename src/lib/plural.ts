/** Counted nouns ("1 story", "3 stories", "1,204 people"), one rule for every page. */
import { site } from "../site.config.ts";

const NOUNS = {
  story: { one: "story", other: "stories" },
  person: { one: "person", other: "people" },
  company: { one: "company", other: "companies" },
  topic: { one: "topic", other: "topics" },
  question: { one: "question", other: "questions" },
  answer: { one: "answer", other: "answers" },
  minute: { one: "minute", other: "minutes" },
} as const;

/** A noun the archive counts. */
export type Countable = keyof typeof NOUNS;

const rules = new Intl.PluralRules(site.locale);
const numbers = new Intl.NumberFormat(site.locale);

/** A number as pages show it: "1,204". */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** The number and its noun, one space apart: count(3, "story") -> "3 stories". */
export function count(n: number, noun: Countable): string {
  return `${formatNumber(n)} ${NOUNS[noun][rules.select(n) === "one" ? "one" : "other"]}`;
}
