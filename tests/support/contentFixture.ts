import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Frontmatter lines of a story that passes every check; tests replace one line to break it. */
export const storyFrontmatter = [
  "person: jane-doe",
  "role: Staff Engineer",
  "company: Acme",
  'recorded: "2021-05"',
  "source:",
  "  name: StaffEng",
  "  url: https://staffeng.com/stories/jane-doe/",
  "summary: How Jane leads without managing.",
  "topics: [Sponsorship]",
];

/** A whole story file: frontmatter (one line per entry) and a body. Frontmatter starts on line 2. */
export function storySource(
  frontmatter: readonly string[] = storyFrontmatter,
  body = "## What do you do?\n\nI lead without managing.\n",
): string {
  return ["---", ...frontmatter, "---", "", body].join("\n");
}

/** Frontmatter with the line for `field` replaced (or removed when `line` is undefined). */
export function withField(field: string, line?: string): string[] {
  const index = storyFrontmatter.findIndex((l) => l.startsWith(`${field}:`));
  if (index < 0) throw new Error(`no field ${field} in the fixture`);
  const copy = [...storyFrontmatter];
  // `source:` owns the indented lines under it.
  const span = field === "source" ? 3 : 1;
  copy.splice(index, span, ...(line === undefined ? [] : [line]));
  return copy;
}

const made: string[] = [];

/** Writes files (paths relative to a new temp folder) and returns the folder's absolute path. */
export function contentRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "archive-content-"));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A content root with one good story by one good person, plus any extra or replacing files. */
export function goodContent(extra: Record<string, string> = {}): string {
  return contentRoot({
    "people/jane-doe.yaml": "name: Jane Doe\nrole: Staff Engineer\ncompany: Acme\n",
    "stories/jane-doe.mdx": storySource(),
    ...extra,
  });
}

/** Deletes every content root this module made; call from afterAll. */
export function removeContentRoots(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
