import { personData, storyData, type PersonData, type StoryData } from "../../src/schema/schema.ts";
import { slugify } from "../../src/lib/slug.ts";
import { flagSpecs, otherStoryFields, SLUG, type Sidecar } from "./sidecar.ts";
import { ImportError, shapeFormats, type Detected, type SourceShape } from "./types.ts";

// Stand-ins for missing required fields, so the outline can still be shown (and --check test the transcript).
const PLACEHOLDERS: Record<string, string> = {
  "person.name": "Unknown",
  role: "Unknown role",
  company: "Unknown company",
  recorded: "1970-01",
  summary: "No summary yet.",
  "source.name": "Unknown source",
  "source.url": "https://example.invalid/",
};
const FLAGS = new Map(flagSpecs(storyData).map((spec) => [spec.path.join("."), `--${spec.flag}`]));

/** What the text says, overruled by the sidecar and flags; missing fields get stand-ins and are named in `missing`. */
export function resolveMetadata(shape: SourceShape, detected: Detected, settings: Sidecar, where: string) {
  // Notes for the editor: defaults taken from weaker evidence.
  const warnings: string[] = [];
  const url = settings.source?.url;
  const host = url !== undefined ? new URL(url).hostname.replace(/^www\./, "") : undefined;
  if (settings.source?.name === undefined && detected.sourceName === undefined && host !== undefined)
    warnings.push(`source name guessed from the URL: “${host}” (set --source-name if the site has a name)`);
  const published = settings.published ?? detected.published;
  if (settings.recorded === undefined && detected.recorded === undefined && published !== undefined)
    warnings.push(`"recorded" taken from the published date ${published}; pass --recorded if it was recorded earlier`);
  const missing: string[] = [];
  const pick = (field: string, ...values: (string | undefined)[]): string => {
    const value = values.find((v) => v !== undefined && v !== "");
    if (value === undefined) missing.push(field);
    return value ?? PLACEHOLDERS[field]!;
  };
  const name = pick("person.name", settings.person?.name, detected.name);
  const role = pick("role", settings.role, detected.role);
  const company = pick("company", settings.company, detected.company);
  const recorded = pick("recorded", settings.recorded, detected.recorded, published);
  const summary = pick("summary", settings.summary);
  const sourceName = pick("source.name", settings.source?.name, detected.sourceName, host);
  const sourceUrl = pick("source.url", settings.source?.url);

  const personId = settings.person?.id ?? slugify(foldLetters(name));
  const slug = settings.slug ?? personId;
  const noSlug = `cannot make a URL slug from "${name}"; set "slug" (--slug) to lowercase words joined by hyphens`;
  if (!SLUG.test(slug)) throw new ImportError(where, noSlug);

  const format = settings.source?.format ?? shapeFormats[shape];
  const story = {
    person: personId,
    role,
    company,
    recorded,
    ...(published !== undefined ? { published } : {}),
    ...(settings.added !== undefined ? { added: settings.added } : {}),
    kind: settings.kind ?? (shape === "thread" ? "discussion" : "interview"),
    source: {
      name: sourceName,
      url: sourceUrl,
      ...(format !== undefined ? { format } : {}),
      ...(settings.source?.alternateUrl !== undefined ? { alternateUrl: settings.source.alternateUrl } : {}),
    },
    ...((settings.interviewer ?? detected.interviewer) !== undefined
      ? { interviewer: (settings.interviewer ?? detected.interviewer)! }
      : {}),
    summary,
    topics: settings.topics ?? [],
  } satisfies Omit<StoryData, "editorialNotes">;
  Object.assign(story, otherStoryFields(settings, [...Object.keys(story), "editorialNotes"]));

  const person: PersonData = {
    name,
    role: settings.person?.role ?? role,
    company: settings.person?.company ?? company,
    links: settings.person?.links ?? [],
  };
  const how = missing.map((field) => `${field} (${FLAGS.get(field)})`).join(", ");
  const absent = missing.length > 0 ? `missing ${how}: add them to this sidecar file or pass the flags` : undefined;
  return { slug, personId, person, story, warnings, missing: absent };
}

// Letters with no accent to strip, spelled the way their languages write them in ASCII.
const FOLDS: Record<string, string> = { ı: "i", ø: "o", ß: "ss", æ: "ae", œ: "oe", ł: "l", đ: "d", þ: "th", ð: "d" };

/** "Elif Yılmaz" -> "Elif Yilmaz", so a person id can be made from any Latin-script name. */
function foldLetters(name: string): string {
  return name.replace(/[ıøßæœłđþð]/giu, (c) => {
    const folded = FOLDS[c.toLowerCase()]!;
    return c === c.toLowerCase() ? folded : folded.toUpperCase();
  });
}

/** Runs the site's own schemas over the result, so the importer never writes a file the build rejects. */
export function validateAgainstSchema(story: StoryData, person: PersonData, where: string): void {
  const problems = [
    ...(storyData.safeParse(story).error?.issues ?? []),
    ...(personData.safeParse(person).error?.issues.map((i) => ({ ...i, path: ["person", ...i.path] })) ?? []),
  ].map((issue) => `"${issue.path.join(".")}" ${issue.message}`);
  if (problems.length > 0) throw new ImportError(where, problems.join("; "));
}
