import type { SourceLine } from "./types.ts";

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
// A speaker label: a few capitalised words ("Dana Whitfield"), a forum handle ("staff_sara"), or Q / A.
// "Speaker 1" (automatic captions) counts as a name.
const LABEL = String.raw`(?:\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|\d{1,2})){0,3}|[\p{Ll}\p{N}][\p{Ll}\p{N}_.-]{2,29})`;
// "[00:12:34] Name: text", "(12:34) Name: text", "00:12:34 Name: text", "Name [00:12:34]: text", "Name: text".
const TURN_LINE = new RegExp(
  String.raw`^(?:[\[(]?(${TIME})[\])]?\s+)?(${LABEL})(?:\s*[\[(](${TIME})[\])])?:\s+(\S.*)$`,
  "u",
);
// "Rosa Lindqvist  0:03" or "Rosa Lindqvist (00:03)" alone on a line; the words follow on the next lines.
const LABEL_LINE = new RegExp(String.raw`^(${LABEL})\s*(?:\s|[\[(])(${TIME})[\])]?$`, "u");
const TIME_LINE = new RegExp(String.raw`^[\[(]?(${TIME})[\])]?$`, "u");
// "[Sponsor break]", "[AD BREAK]", "(music)", "--- Sponsor message ---".
const BREAK_WORDS = /\b(?:break|sponsor|sponsored|ad|ads|advert|advertisement|commercial|music|intermission|pause)\b/i;
const BRACKETED = /^[[(]\s*([^\])]{2,40}?)\s*[\])]$/u;
const RULED = /^[-—–*=]{2,}\s*(.{2,40}?)\s*[-—–*=]{2,}$/u;

/** One line of a speaker-labelled transcript, read. */
export type TranscriptLine =
  | { kind: "turn"; line: SourceLine; speaker: string; time?: string; text: string }
  | { kind: "label"; line: SourceLine; speaker: string; time?: string }
  | { kind: "time"; line: SourceLine; time: string }
  | { kind: "break"; line: SourceLine; label: string }
  | { kind: "text"; line: SourceLine; text: string };

/** Reads one line: a speaker turn, a speaker label alone, a lone timestamp, a break marker, or text. */
export function readTranscriptLine(line: SourceLine): TranscriptLine {
  const text = line.text.trim();
  const turn = TURN_LINE.exec(text);
  if (turn) {
    const time = turn[1] ?? turn[3];
    return { kind: "turn", line, speaker: turn[2]!, text: turn[4]!, ...(time ? { time: pad(time) } : {}) };
  }
  const label = LABEL_LINE.exec(text);
  if (label) return { kind: "label", line, speaker: label[1]!, time: pad(label[2]!) };
  const time = TIME_LINE.exec(text);
  if (time) return { kind: "time", line, time: pad(time[1]!) };
  const marker = BRACKETED.exec(text) ?? RULED.exec(text);
  if (marker && BREAK_WORDS.test(marker[1]!)) return { kind: "break", line, label: marker[1]! };
  return { kind: "text", line, text };
}

/** "0:03" -> "00:00:03", "12:34" -> "00:12:34": one form for the Turn's `time`. */
function pad(time: string): string {
  const parts = time.split(":").map((p) => p.padStart(2, "0"));
  while (parts.length < 3) parts.unshift("00");
  return parts.join(":");
}

/**
 * True when a text is a speaker-labelled transcript: at least two speakers who each start two or
 * more turns, and labelled turns make up at least a third of its paragraphs.
 */
export function isSpeakerTranscript(lines: readonly SourceLine[]): boolean {
  const prose = lines.filter((line) => line.text.trim() !== "");
  const read = prose.map(readTranscriptLine);
  const counts = new Map<string, number>();
  for (const r of read)
    if (r.kind === "turn" || r.kind === "label") counts.set(r.speaker, (counts.get(r.speaker) ?? 0) + 1);
  const recurring = [...counts.values()].filter((n) => n >= 2);
  const turns = recurring.reduce((sum, n) => sum + n, 0);
  return recurring.length >= 2 && turns * 3 >= prose.length;
}
