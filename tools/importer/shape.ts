import { isSpeakerTranscript } from "./speakers.ts";
import type { RemovedLine, SourceLine, SourceShape } from "./types.ts";

/** A forum quote block: the asker's words between "|" marks, as copied from a thread. */
export const PIPE_LINE = /^\s*\|/;

/** What the shape of a source says about where it came from. */
export interface ShapeFindings {
  shape: SourceShape;
  sourceName?: string;
}

/**
 * Guesses where a text was copied from. Clutter lines are evidence too: a banner means
 * a web page, a "New content is up" header means a newsletter.
 */
export function detectShape(lines: readonly SourceLine[], clutter: readonly RemovedLine[]): ShapeFindings {
  const removed = new Set(clutter.map((c) => c.line));
  const kept = lines.filter((line) => !removed.has(line.number) && line.text.trim() !== "");
  // A thread copy opens with the quoted question; a "|" later on is just a character someone typed.
  if (kept[0] && PIPE_LINE.test(kept[0].text)) return { shape: "thread" };
  if (isSpeakerTranscript(kept)) {
    // "The Staff Hour, Episode 42: …" names its show.
    const show = /^(.{2,60}?)\s*[,:—–-]+\s*(?:episode|ep\.?)\s*\d+/i.exec(kept[0]?.text.trim() ?? "");
    return show ? { shape: "transcript", sourceName: show[1]! } : { shape: "transcript" };
  }

  const banner = clutter.map((c) => /^(.+) Banner$/u.exec(c.text.trim())).find(Boolean);
  const storyLine = kept.slice(0, 4).some((line) => /^This story was recorded in\b/i.test(line.text.trim()));
  if (banner || storyLine) return banner ? { shape: "story-page", sourceName: banner[1]! } : { shape: "story-page" };

  const newsletter = clutter.map((c) => /^New content is up on (.+?)\.(?:\s|$)/.exec(c.text.trim())).find(Boolean);
  const writtenLine = kept.slice(0, 4).some((line) => /^Written interview in\b/i.test(line.text.trim()));
  const emailFooter = clutter.some((c) => c.reason === "newsletter footer" || c.reason === "newsletter header");
  if (newsletter) return { shape: "newsletter", sourceName: newsletter[1]! };
  if (writtenLine || emailFooter) return { shape: "newsletter" };
  return { shape: "plain" };
}
