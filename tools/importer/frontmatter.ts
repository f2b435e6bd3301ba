import { Document, Scalar, YAMLSeq } from "yaml";
import { storyData, type PersonData, type StoryData } from "../../src/schema/schema.ts";

// Field order as an editor reads a story file is the schema's: who, when, what kind, where from,
// what about. Fields the schema does not list (a test's extension) follow.
const STORY_FIELDS = Object.keys(storyData.shape);

/** The YAML between the `---` fences of a story, in a stable order so re-imports diff cleanly. */
export function storyFrontmatter(story: StoryData): string {
  const ordered: Record<string, unknown> = {};
  const fields = [...new Set([...STORY_FIELDS, ...Object.keys(story)])];
  for (const field of fields) {
    const value = (story as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && field === "editorialNotes") continue;
    ordered[field] = value;
  }
  const doc = new Document(ordered);
  // Dates stay strings: unquoted, YAML 1.1 readers would turn "2021-05-14" into a Date.
  for (const field of ["recorded", "published", "added"] as const) {
    const node = doc.get(field, true);
    if (node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
  }
  const topics = doc.get("topics", true);
  if (topics instanceof YAMLSeq) topics.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A person file, `people/<id>.yaml`. */
export function personYaml(person: PersonData): string {
  const ordered: Record<string, unknown> = { name: person.name };
  if (person.role !== undefined) ordered["role"] = person.role;
  if (person.company !== undefined) ordered["company"] = person.company;
  ordered["links"] = person.links;
  return new Document(ordered).toString({ lineWidth: 0 });
}
