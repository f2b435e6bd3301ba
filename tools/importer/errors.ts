/**
 * A refusal an editor can act on: which file, what is wrong, and (in the message) what to do.
 * The importer collects these instead of stopping at the first, so one run shows every problem.
 */
export class ImportError extends Error {
  readonly file: string;
  /** The message without the file name in front. */
  readonly reason: string;

  /** `file` is the path as the editor typed it (or the sidecar/target it concerns). */
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "ImportError";
    this.file = file;
    this.reason = reason;
  }
}

/** True for refusals the importer raised on purpose (as opposed to bugs). */
export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
