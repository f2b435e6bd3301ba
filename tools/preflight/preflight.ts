import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { z } from "astro/zod";
import { distance } from "fastest-levenshtein";
import { personData, storyData } from "../../src/schema/schema.ts";
import { entryId, VALID_ID } from "../../src/schema/entryId.ts";
import { parseYaml, splitFrontmatter } from "./frontmatter.ts";
import { pageNameCollisions, type PageName } from "./pageNames.ts";
import { findLiveContent, type StoryFormat } from "../../src/markdown/liveContent.ts";
import type { ContentProblem } from "./problems.ts";

/** A story as the integrity check needs it: where it came from and whom it names. */
export interface StoryRecord {
  id: string;
  file: string;
  person: string;
}

// The largest files the build takes (a 50 MB story once took the build to 17.8 GB and an abort naming no file).
const LIMITS = {
  story: {
    bytes: 1024 * 1024,
    hint: "That is several times the longest interview: split it into parts, or check that the file holds one story.",
  },
  person: { bytes: 64 * 1024, hint: "A person file holds a name, a role, a company and a few links." },
};
const UNREADABLE: Record<string, string> = {
  EACCES: "it is not readable (permission denied); make it readable, e.g. chmod a+r",
  EPERM: "it is not readable (permission denied); make it readable, e.g. chmod a+r",
  ENOENT: "it is a link to a file that does not exist; fix or remove the link",
  ELOOP: "it is a link that points back at itself; remove the link",
  EISDIR: "it is a folder, not a file; rename the folder",
};

/**
 * Every problem of every story and person under the content root, before Astro runs: the schema (with
 * lines), unknown fields and people, colliding ids and page names, unreadable or oversized files, code.
 */
export function checkContent(root: string): { problems: ContentProblem[]; stories: StoryRecord[] } {
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
  return { problems, stories };
}

type ContentFile = ReturnType<typeof listFiles>[number];

/** The collection's files: absolute path, path under the folder (forward slashes), entry id. */
function listFiles(dir: string, extension: RegExp) {
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
  const problems: ContentProblem[] = [];
  for (const [id, group] of Map.groupBy(files, (file) => file.id)) {
    if (!VALID_ID.test(id)) {
      for (const file of group) {
        problems.push({
          file: file.path,
          message: `file name gives the URL "${id}", which may only use lower-case letters, digits and hyphens`,
          hint: "Rename the file, e.g. jane-doe.mdx.",
        });
      }
    }
    if (group.length < 2) continue;
    problems.push({
      file: group[0]!.path,
      message: `${group.map((f) => f.relative).join(" and ")} would ${group.length === 2 ? "both" : "all"} be published at "${id}" (file names are compared ignoring case), so only one would survive`,
      hint: "Rename or merge them.",
    });
  }
  return problems;
}

function checkPerson(file: ContentFile): ContentProblem[] {
  const text = readContentFile(file.path, "person");
  if (typeof text !== "string") return [text];
  const parsed = parseYaml(text, file.path);
  if ("message" in parsed) return [parsed];
  return schemaProblems(file.path, parsed, personData);
}

function checkStory(
  file: ContentFile,
  people: ReadonlySet<string>,
  names: PageName[],
): { problems: ContentProblem[]; person?: string | undefined } {
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
  const parsed = parseYaml(yaml, file.path, yamlStartLine);
  if ("message" in parsed) return { problems: [...problems, parsed] };
  problems.push(...schemaProblems(file.path, parsed, storyData));

  const data = parsed.data as { company?: unknown; topics?: unknown; person?: unknown } | null;
  const name = (kind: PageName["kind"], name: unknown, path: PropertyKey[]) => {
    if (typeof name === "string") names.push({ kind, name, file: file.path, line: parsed.lineOf(path) });
  };
  name("company", data?.company, ["company"]);
  if (Array.isArray(data?.topics)) data.topics.forEach((topic, index) => name("topic", topic, ["topics", index]));
  const person = typeof data?.person === "string" ? data.person : undefined;
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
  return { problems, person };
}

type ParsedYaml = Exclude<ReturnType<typeof parseYaml>, ContentProblem>;

function schemaProblems(file: string, parsed: ParsedYaml, schema: z.ZodObject): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const known = Object.keys(schema.shape);
  // The schema carries the friendly error map (src/schema/errorMap.ts), so messages arrive in words.
  const result = schema.safeParse(parsed.data);
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code !== "unrecognized_keys" || path.length > 0) {
      problems.push({ file, line: parsed.lineOf(path), field: path.join("."), message: issue.message });
      continue;
    }
    // Unknown top-level fields each on their own line, with the field most likely meant.
    for (const key of issue.keys) {
      const suggestion = closestMatch(key, known);
      problems.push({
        file,
        line: parsed.lineOf([key]),
        field: key,
        message: "is not a known field, so its value would be dropped",
        hint: suggestion ? `Did you mean "${suggestion}"?` : `Known fields: ${known.join(", ")}.`,
      });
    }
  }
  return problems;
}

/** "1.5 MB", "340 KB". */
const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** A story or person file as text, or the problem of why it cannot be read: too big, unreadable, a broken link, a folder. */
function readContentFile(path: string, kind: "story" | "person"): string | ContentProblem {
  const limit = LIMITS[kind];
  try {
    const bytes = statSync(path).size;
    if (bytes > limit.bytes) {
      return {
        file: path,
        message: `is ${size(bytes)}; a ${kind} file may be at most ${size(limit.bytes)}`,
        hint: limit.hint,
      };
    }
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      file: path,
      message: `cannot be read (${code})`,
      hint: UNREADABLE[code] ?? "Check the file's permissions.",
    };
  }
}

/** The candidate within three typos of `word` (case-insensitive, the first of the closest), for "did you mean" hints. */
function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const typos = (candidate: string) => distance(word.toLowerCase(), candidate.toLowerCase());
  return candidates.filter((candidate) => typos(candidate) <= 3).sort((a, b) => typos(a) - typos(b))[0];
}
