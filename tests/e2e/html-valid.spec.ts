/**
 * Gate: every HTML file in the build is valid HTML, by two checkers. html-validate's recommended
 * rules (.htmlvalidate.json; docs/quality.md says why each relaxed rule is relaxed) cover
 * accessibility-minded rules, and the Nu HTML Checker (vnu.jar, the W3C validator) the HTML
 * standard's parsing rules, which html-validate misses (a <script> after </html>, for one).
 */
import { execFile } from "node:child_process";
import { relative } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from "html-validate";
import { expect, test } from "@playwright/test";
import vnuJar from "vnu-jar";
import { DIST, builtHtmlPages } from "../support/site.ts";

// The loader finds .htmlvalidate.json by walking up from each file in dist/ to the project root.
const validator = new HtmlValidate(new FileSystemConfigLoader());
const asText = formatterFactory("text");

for (const { file } of builtHtmlPages()) {
  const name = relative(DIST, file);
  test(`valid HTML: ${name}`, async () => {
    const report = await validator.validateFile(file);
    expect(report.errorCount, `dist/${name} is not valid HTML:\n${asText(report.results)}`).toBe(0);
  });
}

interface NuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test("the Nu HTML Checker finds no error on any page", async () => {
  // One Java start for the whole site; the checker needs Java 11 or later on PATH.
  test.setTimeout(5 * 60_000);
  const files = builtHtmlPages().map((page) => page.file);
  const run = await promisify(execFile)(
    "java",
    ["-jar", String(vnuJar), "--errors-only", "--format", "json", ...files],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: { stderr?: string; code?: unknown }) => {
    // vnu exits 1 when it finds errors and prints its report on stderr either way.
    if (typeof error.stderr === "string" && error.stderr.startsWith("{")) return { stderr: error.stderr };
    throw new Error(`Could not run the Nu HTML Checker (java -jar ${vnuJar}): is Java 11+ installed? ${String(error)}`);
  });
  const { messages } = JSON.parse(run.stderr) as { messages: NuMessage[] };
  const errors = messages
    .filter((m) => m.type === "error")
    .map((m) => `dist/${relative(DIST, fileURLToPath(m.url))}:${m.lastLine ?? "?"}: ${m.message} (${m.extract ?? ""})`);
  expect(errors, `the Nu HTML Checker reports:\n${errors.join("\n")}`).toEqual([]);
});
