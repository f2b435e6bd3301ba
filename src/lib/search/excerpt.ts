/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptSegment {
  text: string;
  marked: boolean;
}

/**
 * Reads a Pagefind excerpt into plain text runs. `<mark>` and `</mark>` are the only
 * markup Pagefind adds; everything else is the transcript's words, which the page
 * then renders as text. So no tag from an excerpt, however it got there, can become
 * an element other than <mark>.
 */
export function parseExcerpt(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part !== "") push(segments, decodeAngles(part), marked);
  }
  return joinMarkedPhrases(segments);
}

// Pagefind marks each word of a phrase on its own; one mark across the spaces reads as one phrase.
function joinMarkedPhrases(segments: ExcerptSegment[]): ExcerptSegment[] {
  const joined: ExcerptSegment[] = [];
  for (const [i, segment] of segments.entries()) {
    const before = joined.at(-1);
    const bridgesMarks = !segment.marked && /^\s+$/.test(segment.text) && segments[i + 1]?.marked === true;
    if (before?.marked && (segment.marked || bridgesMarks)) before.text += segment.text;
    else joined.push({ ...segment });
  }
  return joined;
}

/** The excerpt's words without any markup. */
export function excerptText(segments: ExcerptSegment[]): string {
  return segments.map((segment) => segment.text).join("");
}

// Pagefind escapes only < and > in the text it returns; ampersands arrive as typed.
function decodeAngles(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

function push(segments: ExcerptSegment[], text: string, marked: boolean): void {
  const last = segments.at(-1);
  if (last && last.marked === marked) last.text += text;
  else segments.push({ text, marked });
}
