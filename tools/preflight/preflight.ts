import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { z } from "astro/zod";
import { personData, storyData } from "../../src/schema/schema.ts";
import { entryId, VALID_ID } from "../../src/schema/entryId.ts";
import { isYamlError, parseYaml, splitFrontmatter, type ParsedYaml, type YamlSyntaxError } from "./frontmatter.ts";
import { readContentFile } from "./readContentFile.ts";
import { pageNameCollisions, type PageName } from "./pageNames.ts";
import { findLiveContent, type StoryFormat } from "../../src/markdown/liveContent.ts";
import type { ContentProblem } from "./problems.ts";
import { closestMatch } from "./closestMatch.ts";

/** A story as the integrity check needs it: where it came from and whom it names. */
export interface StoryRecord {
  id: string;
  file: string;
  person: string;
}

/** What the content check found: every problem at once, and the inventory of good files. */
export interface ContentReport {
  problems: ContentProblem[];
  stories: StoryRecord[];
  people: string[];
}

/**
 * Reads every story and person under the content root and reports all problems in one pass,
 * before Astro runs: frontmatter against the schema (with lines), unknown fields, unknown people,
 * ids that collide (case-insensitively), company and topic names that would share a page,
 * unreadable or oversized files, and anything in a story that would run as code.
 */
export function checkContent(root: string): ContentReport {
  const problems: ContentProblem[] = [];
  const peopleFiles = listFiles(join(root, "people"), /\.ya?ml$/);
  const storyFiles = listFiles(join(root, "stories"), /\.mdx?$/);

  if (storyFiles.length === 0) {
    // Most likely a wrong ARCHIVE_CONTENT_DIR; publishing would replace the archive with an empty one.
    problems.push({
      file: join(root, "stories"),
      message: "holds no stories, so the build would publish an empty archive",
      hint: "Check ARCHIVE_CONTENT_DIR (it must be the folder that holds stories/ and people/).",
    });
  }
  problems.push(...duplicateIds(peopleFiles), ...duplicateIds(storyFiles));
  const people = new Set(peopleFiles.map((f) => f.id));
  for (const file of peopleFiles) problems.push(...checkPerson(file));

  const stories: StoryRecord[] = [];
  const names: PageName[] = [];
  for (const file of storyFiles) {
    const { problems: found, person } = checkStory(file, people, names);
    problems.push(...found);
    if (person !== undefined) stories.push({ id: file.id, file: file.path, person });
  }
  problems.push(...pageNameCollisions(names));
  return { problems, stories, people: [...people].sort() };
}

interface ContentFile {
  path: string;
  /** Path under the collection folder, with forward slashes. */
  relative: string;
  id: string;
}

function listFiles(dir: string, extension: RegExp): ContentFile[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return (
    names
      .map((name) => name.replace(/\\/g, "/"))
      // Same rule as the collection's glob: files whose name starts with `_` are drafts.
      .filter((name) => extension.test(name) && !basename(name).startsWith("_"))
      .sort()
      .map((relative) => ({ path: join(dir, relative), relative, id: entryId(relative) }))
  );
}

function duplicateIds(files: readonly ContentFile[]): ContentProblem[] {
  const byId = new Map<string, ContentFile[]>();
  for (const file of files) byId.set(file.id, [...(byId.get(file.id) ?? []), file]);
  const problems: ContentProblem[] = [];
  for (const [id, group] of byId) {
    if (!VALID_ID.test(id)) {
      for (const file of group) {
        problems.push({
          file: file.path,
          message: `file name gives the URL "${id}", which may only use lower-case letters, digits and hyphens`,
          hint: "Rename the file, e.g. jane-doe.mdx.",
        });
      }
    }
    const [first] = group;
    if (group.length < 2 || !first) continue;
    problems.push({
      file: first.path,
      message: `${group.map((f) => f.relative).join(" and ")} would ${group.length === 2 ? "both" : "all"} be published at "${id}" (file names are compared ignoring case), so only one would survive`,
      hint: "Rename or merge them.",
    });
  }
  return problems;
}

function checkPerson(file: ContentFile): ContentProblem[] {
  const text = readContentFile(file.path, "person");
  if (typeof text !== "string") return [text];
  const parsed = parseYaml(text);
  if (isYamlError(parsed)) return [yamlProblem(file.path, parsed)];
  return schemaProblems(file.path, parsed, personData);
}

function checkStory(
  file: ContentFile,
  people: ReadonlySet<string>,
  names: PageName[],
): { problems: ContentProblem[]; person?: string } {
  const source = readContentFile(file.path, "story");
  if (typeof source !== "string") return { problems: [source] };
  const problems: ContentProblem[] = [];
  const format: StoryFormat = file.relative.endsWith(".mdx") ? "mdx" : "md";
  for (const finding of findLiveContent(source, format)) problems.push({ file: file.path, ...finding });

  const { yaml, yamlStartLine } = splitFrontmatter(source);
  if (yaml === undefined) {
    problems.push({
      file: file.path,
      line: 1,
      message: "has no frontmatter",
      hint: "A story starts with a --- block naming person, role, company, recorded, source and summary.",
    });
    return { problems };
  }
  const parsed = parseYaml(yaml, yamlStartLine);
  if (isYamlError(parsed)) return { problems: [...problems, yamlProblem(file.path, parsed)] };
  problems.push(...schemaProblems(file.path, parsed, storyData));

  const data = parsed.data as Record<string, unknown> | null;
  const company = data?.["company"];
  if (typeof company === "string")
    names.push({ kind: "company", name: company, file: file.path, line: parsed.lineOf(["company"]) });
  const topics = data?.["topics"];
  if (Array.isArray(topics)) {
    topics.forEach((topic, index) => {
      if (typeof topic === "string")
        names.push({ kind: "topic", name: topic, file: file.path, line: parsed.lineOf(["topics", index]) });
    });
  }
  const person = typeof data?.["person"] === "string" ? data["person"] : undefined;
  if (person !== undefined && !people.has(person)) {
    const suggestion = closestMatch(person, [...people]);
    problems.push({
      file: file.path,
      line: parsed.lineOf(["person"]),
      field: "person",
      message: `names "${person}", but there is no people/${person}.yaml`,
      hint: suggestion
        ? `Did you mean "${suggestion}"? Otherwise add people/${person}.yaml with at least a name.`
        : `Add people/${person}.yaml with at least a name, or fix the id.`,
    });
  }
  return { problems, ...(person !== undefined ? { person } : {}) };
}

function schemaProblems(file: string, parsed: ParsedYaml, schema: z.ZodObject): ContentProblem[] {
  const data = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return [{ file, line: parsed.lineOf([]), message: "must be a set of fields like `name: Jane Doe`" }];
  }
  const problems: ContentProblem[] = [];
  const known = Object.keys(schema.shape);
  for (const key of Object.keys(data)) {
    if (known.includes(key)) continue;
    const suggestion = closestMatch(key, known);
    problems.push({
      file,
      line: parsed.lineOf([key]),
      field: key,
      message: "is not a known field, so its value would be dropped",
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known fields: ${known.join(", ")}.`,
    });
  }
  // The schema carries the friendly error map (src/schema/errorMap.ts), so messages arrive in words.
  const result = schema.safeParse(data);
  for (const issue of result.success ? [] : result.error.issues) {
    // Unknown top-level fields are reported above, each on its line with a suggestion.
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) continue;
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    problems.push({ file, line: parsed.lineOf(path), field: path.join("."), message: issue.message });
  }
  return problems;
}

function yamlProblem(file: string, error: YamlSyntaxError): ContentProblem {
  return {
    file,
    line: error.line,
    column: error.column,
    message: `YAML ${error.hint ? "" : "syntax "}error: ${error.message}`,
    hint: error.hint ?? "Check indentation and quotes; text with a colon in it is safest in quotes.",
  };
}
