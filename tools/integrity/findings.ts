const SHOWN_PAGES = 3;

/** Integrity problems grouped by message, each naming its first few pages (one broken header link, one line). */
export class Findings {
  readonly #seen = new Map<string, { pages: string[]; count: number; last: string | undefined }>();

  /** Records a problem seen on `page` (an output file path), or site-wide when page is undefined. */
  problem(message: string, page?: string): void {
    const seen = this.#seen.get(message) ?? { pages: [], count: 0, last: undefined };
    // A page repeating the same broken link (header and footer) counts once.
    if (page !== undefined && seen.last !== page) {
      seen.last = page;
      seen.count++;
      if (seen.pages.length < SHOWN_PAGES) seen.pages.push(page);
    }
    this.#seen.set(message, seen);
  }

  /** Problems as lines: "message (on a, b, c and 4 more)". */
  get problems(): string[] {
    return [...this.#seen].map(([message, { pages, count }]) => {
      if (count === 0) return message;
      const more = count > pages.length ? ` and ${count - pages.length} more` : "";
      return `${message} (on ${pages.join(", ")}${more})`;
    });
  }
}
