/**
 * SIGKILL during a real import batch, at moments picked by watching the content folder (first
 * temporary file, first source renamed, first story in, half the stories in) and at timed
 * moments: afterwards the content root holds whole stories only, each with its person and
 * source, and the next run removes the stale temporary files and finishes the batch.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectNode, runScript } from "../../support/buildScript.ts";

const work = mkdtempSync(join(tmpdir(), "archive-attack-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Thompson"];
const FOLDERS = ["stories", "people", "sources"] as const;

/** 100 transcripts with sidecars; every tenth shares its person with the one before. */
function writeBatch(): string[] {
  const dir = join(work, "in");
  mkdirSync(dir);
  const files: string[] = [];
  let n = 0;
  for (const first of FIRST) {
    for (const last of LAST) {
      n++;
      const file = join(dir, `t${n}.txt`);
      const text = [
        `${first} ${last}`,
        "Staff Engineer at Acme",
        "This story was recorded in June, 2021.",
        "What do you do?",
        `I write things down, ${"and then I read them again ".repeat(20)}number ${n}.`,
        "Why?",
        "Because memory fades.",
      ].join("\n\n");
      writeFileSync(file, `${text}\n`);
      writeFileSync(
        join(dir, `t${n}.import.yaml`),
        `summary: ${first} on writing things down.\nsource:\n  name: Example\n  url: https://example.com/${n}/\n`,
      );
      files.push(file);
    }
  }
  return files;
}

function freshContent(name: string): string {
  const dir = join(work, name);
  for (const folder of FOLDERS) mkdirSync(join(dir, folder), { recursive: true });
  return dir;
}

function files(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const folder of FOLDERS) {
    for (const name of readdirSync(join(dir, folder)))
      all[`${folder}/${name}`] = readFileSync(join(dir, folder, name), "utf8");
  }
  return all;
}

/** Starts the importer and SIGKILLs it the moment `when` holds for the content folder (or after `afterMs`). */
function importUntilKilled(content: string, batch: string[], when: (names: string[]) => boolean, afterMs?: number) {
  return new Promise<void>((resolve) => {
    const child = spawn(projectNode, ["tools/import.ts", "--content", content, ...batch], { stdio: "ignore" });
    const kill = () => child.kill("SIGKILL");
    const watchers = FOLDERS.map((folder) =>
      watch(join(content, folder), () => {
        const names = FOLDERS.flatMap((f) => readdirSync(join(content, f)).map((name) => `${f}/${name}`));
        if (when(names)) kill();
      }),
    );
    const timer = afterMs === undefined ? undefined : setTimeout(kill, afterMs);
    child.on("exit", () => {
      watchers.forEach((w) => w.close());
      clearTimeout(timer);
      resolve();
    });
  });
}

const isTemp = (name: string) => name.endsWith(".tmp");

describe("attack: SIGKILL during an import batch", () => {
  let batch: string[];
  let finished: Record<string, string>;
  let fullMs: number;

  beforeAll(() => {
    batch = writeBatch();
    const reference = freshContent("reference");
    const started = Date.now();
    const result = runScript("tools/import.ts", ["--content", reference, ...batch], {});
    fullMs = Date.now() - started;
    expect(result.status, result.stderr).toBe(0);
    finished = files(reference);
    expect(Object.keys(finished).filter((n) => n.startsWith("stories/"))).toHaveLength(100);
  });

  const moments: [string, (names: string[]) => boolean, number?][] = [
    ["when the first temporary file appears", (names) => names.some(isTemp)],
    ["when the first source is renamed into place", (names) => names.some((n) => /^sources\/.*\.txt$/.test(n))],
    ["when the first person is renamed into place", (names) => names.some((n) => /^people\/.*\.yaml$/.test(n))],
    ["when the first story is in", (names) => names.some((n) => /^stories\/.*\.mdx$/.test(n))],
    ["when half the stories are in", (names) => names.filter((n) => /^stories\/.*\.mdx$/.test(n)).length >= 50],
    ["at 40% of a full run's time", () => false, 0.4],
    ["at 90% of a full run's time", () => false, 0.9],
  ];

  for (const [label, when, fraction] of moments) {
    it(`leaves whole stories only ${label}, and the next run finishes the batch`, async () => {
      const content = freshContent(`killed-${label.replace(/\W+/g, "-")}`);
      await importUntilKilled(content, batch, when, fraction === undefined ? undefined : fullMs * fraction);

      const left = files(content);
      for (const [path, text] of Object.entries(left)) {
        if (isTemp(path)) continue;
        // Every file that is in place is whole: exactly what a finished run writes.
        expect(text, path).toBe(finished[path]);
        const slug = /^stories\/(.+)\.mdx$/.exec(path)?.[1];
        if (!slug) continue;
        const person = /^person: (.+)$/m.exec(text)?.[1];
        expect(left[`people/${person}.yaml`], `${path}: its person`).toBeDefined();
        expect(left[`sources/${slug}.txt`], `${path}: its source`).toBeDefined();
      }

      const rerun = runScript("tools/import.ts", ["--content", content, "--force", ...batch], {});
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(files(content)).toEqual(finished);
    });
  }
});
