import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { storyData } from "../../../src/schema/schema.ts";
import { parseCli, usage } from "../../../tools/importer/cliArgs.ts";
import { storyFrontmatter } from "../../../tools/importer/renderMarkdown.ts";
import { checkSidecar } from "../../../tools/importer/sidecar.ts";
import { resolveMetadata } from "../../../tools/importer/storyMetadata.ts";
import { flagSpecs, sidecarSchemaFor } from "../../../tools/importer/sidecar.ts";

// A field declared once, in a schema extension only this test knows about.
const extended = storyData.extend({
  /** The episode number of a podcast interview. */
  episodeNumber: z.string().trim().min(1).optional(),
});

const settings = {
  person: { name: "Ada Lovelace" },
  role: "Analyst",
  company: "Engines Ltd",
  recorded: "1843-09",
  summary: "Notes on the engine.",
  source: { name: "Notes", url: "https://example.org/notes" },
};

describe("a story field declared once in the schema", () => {
  it("becomes a flag, listed in the usage text, whose value lands in the sidecar", () => {
    const request = parseCli(["--episode-number", "12", "--topic", "Engines", "ada.txt"], extended);
    expect(request.options.flags).toEqual({ episodeNumber: "12", topics: ["Engines"] });
    expect(usage(extended)).toContain("--episode-number TEXT");
    expect(() => parseCli(["--episode-number", "12", "ada.txt"])).toThrow(/episode-number/);
  });

  it("is checked in the sidecar with the schema's own rules and friendly words", () => {
    const schema = sidecarSchemaFor(extended);
    expect(checkSidecar({ episodeNumber: " 12 " }, "ada.import.yaml", schema)).toEqual({ episodeNumber: "12" });
    expect(() => checkSidecar({ episodeNumber: "" }, "ada.import.yaml", schema)).toThrow(
      'ada.import.yaml: "episodeNumber" must not be empty',
    );
    expect(() => checkSidecar({ episodeNumbr: "12" }, "ada.import.yaml", schema)).toThrow(
      'unknown field "episodeNumbr"',
    );
  });

  it("reaches the story's frontmatter, after the fields the archive's schema lists", () => {
    const sidecar = checkSidecar({ ...settings, episodeNumber: "12" }, "ada.import.yaml", sidecarSchemaFor(extended));
    const meta = resolveMetadata("plain", {}, sidecar, "ada.import.yaml");
    expect(meta.story).toMatchObject({ episodeNumber: "12", summary: "Notes on the engine." });
    const yaml = storyFrontmatter({ ...meta.story, editorialNotes: [] });
    expect(yaml.trimEnd().split("\n").at(-1)).toBe('episodeNumber: "12"');
    expect(extended.safeParse({ ...meta.story, editorialNotes: [] }).success).toBe(true);
  });
});

describe("the archive's story schema", () => {
  it("gives every story field a flag (person and source by their parts)", () => {
    const covered = new Set(flagSpecs(storyData).map((spec) => spec.path[0]));
    for (const field of Object.keys(storyData.shape)) expect(covered, field).toContain(field);
  });

  it("keeps the flag names editors know", () => {
    const flags = flagSpecs(storyData).map((spec) => spec.flag);
    for (const flag of ["name", "person-id", "role", "recorded", "kind", "source-url", "topic", "note", "question"])
      expect(flags).toContain(flag);
  });
});
