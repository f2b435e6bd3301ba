import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse as parseYaml, stringify as toYaml } from "yaml";

/** A story as its file says it, read back from a content root. */
export interface SourceStory {
  id: string;
  data: {
    person: string;
    role: string;
    company: string;
    recorded: string;
    published?: string;
    added?: string;
    summary: string;
    topics?: string[];
    editorialNotes?: string[];
    source: { name: string; url: string };
  };
  body: string;
}

/** More stories than one feed window holds, all by one person at one company. */
export const WINDOW_STORY_COUNT = 52;

/** Markup that must reach a feed reader as text, in every field it can appear in. */
export const ATTACK = "<script>alert(1)</script> <svg onload=alert(1)>";

/** Characters XML 1.0 cannot carry even escaped; the feed must drop them. */
export const XML_FORBIDDEN = ["\u000B", "\u001F", "\uFFFE"];

const HOSTILE_BODY = `## Is 1 \\< 2 && \\{x\\} ]]> safe?

Angle \\<script>alert("x")\\</script> and braces \\{props.secret\\} and &amp; and &lt;b&gt; and ]]> and \\<![CDATA[ nested ]]> end.

Control characters ${XML_FORBIDDEN.join(" and ")} never reach the feed.

- list item with \\<tag>
- second item & more

## Links and markup

An [absolute link](https://example.com/notes), an [anchor](#links-and-markup) and a quoted \\<a href="javascript:alert(1)" onclick="alert(2)">javascript link\\</a>.

Quoted markup stays text: \\<img src="/x.png" onerror="alert(3)" /> \\<style>body\\{display:none\\}\\</style> \\<iframe src="evil.html">\\</iframe>
`;
// Live markup (a raw <script>, an onclick) never gets this far: the build refuses it
// (src/markdown/liveContent.ts). The feed's own sanitiser is tested in feedHtml.test.ts.

/** A story using the editorial vocabulary (src/markdown/vocabulary.ts), none of it imported. */
export const EDITORIAL_BODY = `## How do you choose what to work on?

I pick the problem nobody owns yet, and I write down why it matters.

<PullQuote>I pick the problem nobody owns yet</PullQuote>

<Aside title="Talks from Edie Torres">

- [Owning the unowned](https://example.org/talks/unowned)
- [Writing it down](https://example.org/talks/writing)

</Aside>

<Turn speaker="Sam Host" role="host" time="12:34">

And what happens next?

</Turn>

<Turn speaker="Edie Torres" role="guest" time="12:40">

The document gets forwarded, and people start asking for the next one.

</Turn>

<Break label="Sponsor break" />

## Anything else?

No, that is all.
`;

/**
 * Writes a content root: the archive's real content, one story full of XML and MDX
 * metacharacters, one using the editorial vocabulary, a person with no stories, and more
 * stories than a feed window holds.
 */
export async function writeFeedFixture(root: string, realContent = resolve("content")): Promise<void> {
  await cp(realContent, root, { recursive: true });
  await mkdir(join(root, "stories"), { recursive: true });
  await mkdir(join(root, "people"), { recursive: true });

  await writeFile(join(root, "people/hostile-person.yaml"), toYaml({ name: `Zoë O'Brien <&> ]]> "Q" ${ATTACK}` }));
  await writeFile(join(root, "people/no-stories-yet.yaml"), toYaml({ name: "Quiet Person" }));
  await writeStory(
    root,
    "hostile-story",
    {
      person: "hostile-person",
      role: `Staff <Engineer> & "Lead" ${ATTACK}`,
      company: `Ampersand & <Angle> Co ${ATTACK}`,
      recorded: "2030-01-02",
      // Added before today, so the story imported by the feeds test is the newest.
      added: "2026-01-02",
      source: { name: "Ampersand & <Angle> Times ]]>", url: "https://example.org/a?b=1&c=<2>" },
      summary: `Summary with <b>bold</b> &amp; ]]> and {braces} ${ATTACK}`,
      topics: ["C++ & <T>", "Escaping ]]> safely"],
      editorialNotes: ["Note with <i>tags</i> & ]]>"],
    },
    HOSTILE_BODY,
  );

  await writeFile(join(root, "people/editor-person.yaml"), toYaml({ name: "Edie Torres" }));
  await writeStory(
    root,
    "editorial-story",
    {
      person: "editor-person",
      role: "Principal Engineer",
      company: "Vocabulary Co",
      recorded: "2019-06",
      added: "2020-01-02",
      source: { name: "Fixture", url: "https://example.org/editorial" },
      summary: "A story that uses every element of the editorial vocabulary.",
      topics: ["Writing"],
    },
    EDITORIAL_BODY,
  );

  await writeFile(join(root, "people/window-person.yaml"), toYaml({ name: "Window Person" }));
  for (let n = 0; n < WINDOW_STORY_COUNT; n++) {
    const id = `window-${String(n).padStart(2, "0")}`;
    // Pairs of stories share a day, so ties must be broken the same way everywhere (by id).
    const day = 1 + Math.floor(n / 2);
    const recorded = `2001-${String(1 + Math.floor(day / 28)).padStart(2, "0")}-${String(1 + (day % 28)).padStart(2, "0")}`;
    await writeStory(
      root,
      id,
      {
        person: "window-person",
        role: "Staff Engineer",
        company: "Window Co",
        recorded,
        // One old recording published late: ordering must follow `published` when it is there.
        ...(n === 0 ? { published: "2001-12-31" } : {}),
        source: { name: "Fixture", url: `https://example.org/${id}` },
        summary: `Window story ${n}.`,
        topics: ["Windows"],
      },
      `## Question ${n} about windows?\n\nAnswer ${n} is a plain sentence that the feed must carry.\n\n- point one\n- point two\n`,
    );
  }
}

async function writeStory(root: string, id: string, data: SourceStory["data"], body: string): Promise<void> {
  await writeFile(join(root, `stories/${id}.mdx`), `---\n${toYaml(data)}---\n\n${body}`);
}

/** The date a story is listed and fed by: `published` when it has one, else `recorded` (UTC midnight). */
export function storyDate(story: SourceStory): Date {
  const [y, m, d] = (story.data.published ?? story.data.recorded).split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** Stories newest first, ties broken by id, as every list and feed orders them. */
export function newestFirst(stories: readonly SourceStory[]): SourceStory[] {
  return stories.toSorted((a, b) => storyDate(b).getTime() - storyDate(a).getTime() || a.id.localeCompare(b.id));
}

/** The day a story entered the archive: `added`, else its own date (UTC midnight). */
export function addedDate(story: SourceStory): Date {
  if (!story.data.added) return storyDate(story);
  const [y, m, d] = story.data.added.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** Stories in the order feeds carry them: added last first, then newest, then by id. */
export function addedFirst(stories: readonly SourceStory[]): SourceStory[] {
  return stories.toSorted(
    (a, b) =>
      addedDate(b).getTime() - addedDate(a).getTime() ||
      storyDate(b).getTime() - storyDate(a).getTime() ||
      a.id.localeCompare(b.id),
  );
}

/** Every story in a content root, parsed from its file (drafts starting with `_` left out). */
export async function readStories(root: string): Promise<SourceStory[]> {
  const files = (await readdir(join(root, "stories"))).filter((f) => /^[^_].*\.mdx?$/.test(f));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(root, "stories", file), "utf8");
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      return {
        id: file.replace(/\.mdx?$/, ""),
        data: parseYaml(match[1] ?? "") as SourceStory["data"],
        body: match[2] ?? "",
      };
    }),
  );
}

/** Every person's name by id. */
export async function readPeople(root: string): Promise<Map<string, string>> {
  const files = (await readdir(join(root, "people"))).filter((f) => /^[^_].*\.ya?ml$/.test(f));
  const entries = await Promise.all(
    files.map(async (file) => {
      const data = parseYaml(await readFile(join(root, "people", file), "utf8")) as { name: string };
      return [file.replace(/\.ya?ml$/, ""), data.name] as const;
    }),
  );
  return new Map(entries);
}
