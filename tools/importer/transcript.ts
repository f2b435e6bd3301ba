import { ImportError } from "./errors.ts";
import { plainText } from "./emphasis.ts";
import { readTranscriptLine, type TranscriptLine } from "./speakers.ts";
import type { Structure } from "./structure.ts";
import type { Block, Guess, SourceLine } from "./types.ts";

/** Who the editor says asked and answered, when known. */
export interface TranscriptHints {
  interviewer?: string;
  guest?: string;
}

/** A transcript's structure plus what the round trip needs to read its lines. */
export interface TranscriptStructure extends Structure {
  /** The last line before the first turn: title, show notes, date. */
  preambleEnd: number;
  /** The words of each labelled line without its label and timestamp. */
  lineText: Map<number, string>;
  /** Lines that are only a label or a timestamp. */
  structural: Set<number>;
  hosts: string[];
  guests: string[];
}

const HOST_LABEL = /^(?:Q|Question|Interviewer|Host|Moderator)$/i;
const GUEST_LABEL = /^(?:A|Answer|Guest|Interviewee)$/i;
// Audience members and callers ask too.
const ASKER_LABEL = /\b(?:audience|caller|listener|attendee)\b/i;
const QUESTION_END = /\?["'”’»)\]]*$/u;
const QUOTED_AT_END = /\s["“‘«]([^"“”]*)\?["”’»]$/u;

interface Turn {
  speaker: string;
  line: SourceLine;
  time?: string;
  paragraphs: { line: SourceLine; text: string }[];
}

// "Note: …", "Update: …": labelled lines that are not a speaker, even in a transcript.
const NOT_SPEAKERS =
  /^(?:note|notes|edit|update|example|recorded|published|posted|date|guest|guests|with|featuring|source|title|link|links|tip|warning|ps|tl;dr|transcript|episode|summary|sponsor|sponsors)$/i;

/**
 * Finds who speaks: labels used at least twice, and after the first of those every other label
 * (a forum thread's askers each speak once).
 */
function speakersOf(read: readonly TranscriptLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of read)
    if (r.kind === "turn" || r.kind === "label") counts.set(r.speaker, (counts.get(r.speaker) ?? 0) + 1);
  const recurring = new Set(
    [...counts].filter(([name, n]) => n >= 2 && !NOT_SPEAKERS.test(name)).map(([name]) => name),
  );
  const start = read.findIndex((r) => (r.kind === "turn" || r.kind === "label") && recurring.has(r.speaker));
  for (const r of read.slice(Math.max(start, 0))) {
    if ((r.kind === "turn" || r.kind === "label") && !NOT_SPEAKERS.test(r.speaker)) recurring.add(r.speaker);
  }
  return recurring;
}

/**
 * Builds a speaker-labelled transcript: host questions become `##` headings (no label, no time),
 * every other turn a Turn block with its speaker, breaks quiet markers. Hosts are the Q / Host
 * labels or the editor's interviewer; otherwise the speakers other than the one who says most.
 */
export function buildTranscript(
  body: readonly SourceLine[],
  hints: TranscriptHints,
  file: string,
): TranscriptStructure {
  const prose = body.filter((line) => line.text.trim() !== "");
  const read = prose.map(readTranscriptLine);
  const speakers = speakersOf(read);
  const isTurn = (r: TranscriptLine) => (r.kind === "turn" || r.kind === "label") && speakers.has(r.speaker);
  const firstTurn = read.findIndex(isTurn);
  if (firstTurn === -1) throw new ImportError(file, "no speaker turns found; this does not read as a transcript");

  const blocks: Block[] = [];
  const lineText = new Map<number, string>();
  const structural = new Set<number>();
  const guesses: Guess[] = [];
  for (const r of read.slice(0, firstTurn))
    blocks.push({ type: "paragraph", line: r.line.number, text: r.line.text.trim() });

  const turns: (Turn | { label: string; line: SourceLine })[] = [];
  let pendingTime: string | undefined;
  for (const r of read.slice(firstTurn)) {
    const current = turns.at(-1);
    if (isTurn(r) && (r.kind === "turn" || r.kind === "label")) {
      const time = r.time ?? pendingTime;
      pendingTime = undefined;
      const turn: Turn = { speaker: r.speaker, line: r.line, paragraphs: [], ...(time ? { time } : {}) };
      if (r.kind === "turn") {
        turn.paragraphs.push({ line: r.line, text: r.text });
        lineText.set(r.line.number, r.text);
      } else structural.add(r.line.number);
      turns.push(turn);
    } else if (r.kind === "time") {
      pendingTime = r.time;
      structural.add(r.line.number);
    } else if (r.kind === "break") {
      turns.push({ label: r.label, line: r.line });
      lineText.set(r.line.number, r.label);
    } else if (current && "paragraphs" in current) {
      current.paragraphs.push({ line: r.line, text: r.line.text.trim() });
    } else {
      turns.push({ speaker: "", line: r.line, paragraphs: [{ line: r.line, text: r.line.text.trim() }] });
    }
  }

  const { hosts, guests, settled } = sortSpeakers(
    turns.filter((t): t is Turn => "paragraphs" in t),
    hints,
  );
  if (!settled) {
    guesses.push({
      line: turns.find((t) => "paragraphs" in t)!.line.number,
      text: `hosts: ${hosts.join(", ")}; guests: ${guests.join(", ")}`,
      decision: "read the speakers who ask as hosts and the one who says most as the guest",
    });
  }
  turns.forEach((turn, k) => {
    if (!("paragraphs" in turn)) {
      blocks.push({ type: "break", line: turn.line.number, label: turn.label });
      return;
    }
    const host = hosts.includes(turn.speaker);
    const last = turn.paragraphs.at(-1)!;
    const next = turns[k + 1];
    const answered = next !== undefined && "paragraphs" in next && guests.includes(next.speaker);
    const asks = QUESTION_END.test(plainText(last.text)) && !QUOTED_AT_END.test(plainText(last.text));
    const before = host && asks && answered ? turn.paragraphs.slice(0, -1) : turn.paragraphs;
    if (host && asks && !answered) {
      guesses.push({ line: last.line.number, text: last.text, decision: "kept as a host turn: no guest answers it" });
    }
    if (before.length > 0) {
      blocks.push({
        type: "turn",
        line: turn.line.number,
        speaker: speakerName(turn.speaker, hints),
        role: host ? "host" : "guest",
        ...(turn.time ? { time: turn.time } : {}),
        blocks: before.map((p) => ({ type: "paragraph", line: p.line.number, text: p.text })),
      });
    }
    if (before.length < turn.paragraphs.length)
      blocks.push({ type: "question", line: last.line.number, text: last.text });
  });

  if (!blocks.some((b) => b.type === "question")) {
    throw new ImportError(file, "no host question found in the transcript; name the interviewer with --interviewer");
  }
  const preambleEnd = read[firstTurn - 1]?.line.number ?? 0;
  return { blocks, warnings: [], guesses, preambleEnd, lineText, structural, hosts, guests };
}

function speakerName(label: string, hints: TranscriptHints): string {
  if (/^(?:Q|Question)$/i.test(label)) return hints.interviewer ?? "Interviewer";
  if (/^(?:A|Answer)$/i.test(label)) return hints.guest ?? "Guest";
  return displayName(label);
}

/** "CARLA NUNES" -> "Carla Nunes": transcripts shout labels; the archive shows names. */
export function displayName(label: string): string {
  if (label.length <= 2 || label !== label.toUpperCase() || label === label.toLowerCase()) return label;
  return label
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Hosts and guests: by label, by the editor's names, else hosts are those who ask and the guest says most. */
function sortSpeakers(turns: readonly Turn[], hints: TranscriptHints) {
  const names = [...new Set(turns.map((t) => t.speaker).filter((s) => s !== ""))];
  const matches = (label: string, name?: string) =>
    name !== undefined && (label === name || name.split(/\s+/)[0] === label || label.split(/\s+/)[0] === name);
  const labelled = names.filter((n) => HOST_LABEL.test(n) || GUEST_LABEL.test(n));
  if (labelled.length > 0) {
    const hosts = names.filter((n) => HOST_LABEL.test(n) || ASKER_LABEL.test(n));
    return { hosts, guests: names.filter((n) => !hosts.includes(n)), settled: true };
  }
  const words = (name: string) =>
    turns
      .filter((t) => t.speaker === name)
      .reduce(
        (sum, t) =>
          sum +
          t.paragraphs
            .map((p) => p.text)
            .join(" ")
            .split(/\s+/).length,
        0,
      );
  const named = names.find((n) => matches(n, hints.guest));
  const interviewer = names.find((n) => matches(n, hints.interviewer));
  const guest = named ?? [...names].filter((n) => n !== interviewer).sort((a, b) => words(b) - words(a))[0]!;
  const hosts = names.filter((n) => n !== guest);
  return { hosts, guests: [guest], settled: named !== undefined || interviewer !== undefined };
}
