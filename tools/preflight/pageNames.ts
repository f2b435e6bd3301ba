import { slugify } from "../../src/lib/slug.ts";
import { displayPath, type ContentProblem } from "./problems.ts";

/** A company or topic name as a story writes it; each gets a page at its slug. */
export interface PageName {
  kind: "company" | "topic";
  name: string;
  file: string;
  line: number;
}

/** Different names that would share one page (`Meta`, `META!`: /companies/meta/), each clash reported once. */
export function pageNameCollisions(names: readonly PageName[]): ContentProblem[] {
  const first = new Map<string, PageName>();
  const reported = new Set<string>();
  const problems: ContentProblem[] = [];
  for (const entry of names) {
    const slug = slugify(entry.name);
    // The schema reports names without a letter or digit.
    if (slug === "") continue;
    const key = `${entry.kind}:${slug}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, entry);
    if (!earlier || earlier.name === entry.name || reported.has(`${key}:${entry.name}`)) continue;
    reported.add(`${key}:${entry.name}`);
    const folder = entry.kind === "company" ? "companies" : "topics";
    problems.push({
      file: entry.file,
      line: entry.line,
      field: entry.kind === "company" ? "company" : "topics",
      message: `"${entry.name}" and "${earlier.name}" (${displayPath(earlier.file)}:${earlier.line}) would share the page /${folder}/${slug}/`,
      hint: `If they are the same ${entry.kind}, write it the same way in both; if not, make the names differ in letters or digits.`,
    });
  }
  return problems;
}
