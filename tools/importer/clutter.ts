import { PIPE_LINE } from "./structure.ts";
import { isSpeakerTranscript } from "./transcript.ts";
import type { RemovedLine, SourceLine, SourceShape } from "./types.ts";

/** Page furniture that opens a copied page or email: banners and newsletter headers. */
const HEADER_RULES: { pattern: RegExp; reason: string }[] = [
  { pattern: /^[\p{L}\p{N} .&'’-]{1,40} Banner$/u, reason: "site banner (image text)" },
  { pattern: /^New content is up on\b/i, reason: "newsletter header" },
  { pattern: /\breply to this email\b/i, reason: "newsletter header" },
  { pattern: /^View (this email )?in (your )?browser\b/i, reason: "newsletter header" },
];

/** Lines that start the footer of a copied page or email; everything after them is footer too. */
const FOOTER_MARKERS: { pattern: RegExp; reason: string }[] = [
  { pattern: /^Ready to read another story\?$/i, reason: "“read another story” link" },
  { pattern: /^Would you like an email when new stories are posted\?$/i, reason: "subscribe prompt" },
  { pattern: /^Read more stories on\b/i, reason: "newsletter footer" },
  { pattern: /^This email was sent to\b/i, reason: "newsletter footer" },
  { pattern: /^why did I get this\?|\bunsubscribe from this list\b/i, reason: "newsletter footer" },
];

// Headers sit in the first few lines and footers in the last few: outside those windows
// the same words are part of what someone said and must stay.
const HEADER_WINDOW = 3;
const FOOTER_WINDOW = 12;

/** Finds banner, header and footer lines, each with the reason it was removed; `overrides` are the editor's. */
export function findClutter(
  lines: readonly SourceLine[],
  overrides: Record<"remove" | "keep", ReadonlySet<number>>,
): RemovedLine[] {
  const nonBlank = lines.filter((line) => line.text.trim() !== "");
  const removed = new Map<number, RemovedLine>();
  const remove = (line: SourceLine, reason: string) => {
    if (!overrides.keep.has(line.number)) removed.set(line.number, { line: line.number, text: line.text, reason });
  };

  for (const line of nonBlank.slice(0, HEADER_WINDOW)) {
    const rule = HEADER_RULES.find((r) => r.pattern.test(line.text.trim()));
    if (rule) remove(line, rule.reason);
  }

  const tail = nonBlank.slice(-FOOTER_WINDOW);
  const markerOf = (line: SourceLine) => FOOTER_MARKERS.find((m) => m.pattern.test(line.text.trim()));
  const footerStart = tail.findIndex(markerOf);
  const marker = tail[footerStart];
  if (marker) {
    remove(marker, markerOf(marker)!.reason);
    for (const line of tail.slice(footerStart + 1)) remove(line, `footer (after line ${marker.number})`);
  }

  for (const number of overrides.remove) {
    const line = lines[number - 1]!;
    removed.set(number, { line: number, text: line.text, reason: "marked as clutter by the editor" });
  }
  return [...removed.values()].sort((a, b) => a.line - b.line);
}

type Found = { shape: SourceShape; sourceName?: string | undefined };

/** Guesses where a text was copied from (and the site's name when it says); clutter lines are evidence too. */
export function detectShape(lines: readonly SourceLine[], clutter: readonly RemovedLine[]): Found {
  const removed = new Set(clutter.map((c) => c.line));
  const kept = lines.filter((line) => !removed.has(line.number) && line.text.trim() !== "");
  const opens = (pattern: RegExp) => kept.slice(0, 4).some((line) => pattern.test(line.text.trim()));
  // A thread copy opens with the quoted question; a "|" later on is just a character someone typed.
  if (kept[0] && PIPE_LINE.test(kept[0].text)) return { shape: "thread" };
  // "The Staff Hour, Episode 42: …" names its show.
  const show = /^(.{2,60}?)\s*[,:—–-]+\s*(?:episode|ep\.?)\s*\d+/i.exec(kept[0]?.text.trim() ?? "");
  if (isSpeakerTranscript(kept)) return { shape: "transcript", sourceName: show?.[1] };
  const banner = clutter.map((c) => /^(.+) Banner$/u.exec(c.text.trim())).find(Boolean);
  if (banner || opens(/^This story was recorded in\b/i)) return { shape: "story-page", sourceName: banner?.[1] };
  const newsletter = clutter.map((c) => /^New content is up on (.+?)\.(?:\s|$)/.exec(c.text.trim())).find(Boolean);
  const emailFooter = clutter.some((c) => c.reason === "newsletter footer" || c.reason === "newsletter header");
  if (newsletter || opens(/^Written interview in\b/i) || emailFooter)
    return { shape: "newsletter", sourceName: newsletter?.[1] };
  return { shape: "plain" };
}
