import type { RemovedLine, SourceLine } from "./types.ts";

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

/** Editor corrections: extra lines to drop, and lines the rules must keep. */
export interface ClutterOverrides {
  remove: Set<number>;
  keep: Set<number>;
}

/** Finds banner, header and footer lines; each comes back with the reason it was removed. */
export function findClutter(lines: readonly SourceLine[], overrides: ClutterOverrides): RemovedLine[] {
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
  const footerStart = tail.findIndex((line) => FOOTER_MARKERS.some((m) => m.pattern.test(line.text.trim())));
  if (footerStart !== -1) {
    const marker = tail[footerStart]!;
    const reason = FOOTER_MARKERS.find((m) => m.pattern.test(marker.text.trim()))!.reason;
    remove(marker, reason);
    for (const line of tail.slice(footerStart + 1)) remove(line, `footer (after line ${marker.number})`);
  }

  for (const number of overrides.remove) {
    const line = lines[number - 1]!;
    removed.set(number, { line: number, text: line.text, reason: "marked as clutter by the editor" });
  }
  return [...removed.values()].sort((a, b) => a.line - b.line);
}
