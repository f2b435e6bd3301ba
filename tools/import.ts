/**
 * `npm run import -- [--content DIR] [--force] [--dry-run] [--check] FILE...`
 * Raw transcripts in, faithful MDX stories out; see docs/importer.md.
 */
import { parseCli, usage } from "./importer/cliArgs.ts";
import { ImportError } from "./importer/types.ts";
import { formatReport, importBatch } from "./importer/importBatch.ts";

let request;
try {
  request = parseCli(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage()}`);
  process.exit(2);
}
if (request.help) {
  console.log(usage());
  process.exit(0);
}

try {
  const result = importBatch(request.files, request.options);
  const report = formatReport(result, request.options);
  for (const notice of result.notices) console.warn(`note: ${notice}`);
  if (result.errors.length > 0) {
    console.error(report);
    process.exit(1);
  }
  console.log(report);
} catch (error) {
  // Write failures (disk full, permissions) arrive here after the batch has been rolled back.
  console.error(error instanceof ImportError ? error.message : `Import stopped, nothing was changed: ${String(error)}`);
  process.exit(1);
}
