/**
 * Collects integrity problems and warnings. The same broken link in the site header would be
 * reported once per page; grouping by message keeps a 10,000-page report readable.
 */
export class Findings {
  readonly #problems = new Map<string, Seen>();
  readonly #warnings = new Map<string, Seen>();

  /** Records a problem seen on `page` (an output file path), or site-wide when page is undefined. */
  problem(message: string, page?: string): void {
    add(this.#problems, message, page);
  }

  /** Records something that will be a problem once pending features are merged. */
  warning(message: string, page?: string): void {
    add(this.#warnings, message, page);
  }

  /** Problems as lines, each naming up to three pages it was seen on. */
  get problems(): string[] {
    return render(this.#problems);
  }

  /** Warnings as lines. */
  get warnings(): string[] {
    return render(this.#warnings);
  }
}

/** The first few pages a message was seen on, and how many in all. */
interface Seen {
  pages: string[];
  count: number;
  last: string | undefined;
}

const SHOWN_PAGES = 3;

function add(map: Map<string, Seen>, message: string, page: string | undefined): void {
  const seen = map.get(message) ?? { pages: [], count: 0, last: undefined };
  // A page repeating the same broken link (header and footer) counts once.
  if (page !== undefined && seen.last !== page) {
    seen.last = page;
    seen.count++;
    if (seen.pages.length < SHOWN_PAGES) seen.pages.push(page);
  }
  map.set(message, seen);
}

function render(map: Map<string, Seen>): string[] {
  return [...map].map(([message, { pages, count }]) => {
    if (count === 0) return message;
    const more = count > pages.length ? ` and ${count - pages.length} more` : "";
    return `${message} (on ${pages.join(", ")}${more})`;
  });
}
