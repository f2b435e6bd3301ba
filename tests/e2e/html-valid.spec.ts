/**
 * Gate: every HTML file in the build is valid HTML by html-validate's recommended rules
 * (.htmlvalidate.json; docs/quality.md says why each relaxed rule is relaxed).
 */
import { relative } from "node:path";
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from "html-validate";
import { expect, test } from "@playwright/test";
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
