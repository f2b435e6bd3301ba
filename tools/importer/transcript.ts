import { plainText } from "./inline.ts";
import { endsWithQuestionMark } from "./questions.ts";
import { ImportError, type Block, type Guess, type SourceLine } from "./types.ts";

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
// A speaker label: a few capitalised words ("Dana Whitfield"), a forum handle ("staff_sara"), or Q / A.
// "Speaker 1" (automatic captions) counts as a name.
const LABEL = String.raw`(?:\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|\d{1,2})){0,3}|[\p{Ll}\p{N}][\p{Ll}\p{N}_.-]{2,29})`;
// "[00:12:34] Name: text", "(12:34) Name: text", "00:12:34 Name: text", "Name [00:12:34]: text", "Name: text",
// and a blog's bold labels, "**Name:** text" or "**Name**: text".
const TURN_LINE = new RegExp(
  String.raw`^(?:[\[(]?(${TIME})[\])]?\s+)?(?:\*\*|__)?(${LABEL})(?:\s*[\[(](${TIME})[\])])?(?:(?:\*\*|__):|:(?:\*\*|__)?)\s+(\S.*)$`,
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
type TranscriptLine = ReturnType<typeof readTranscriptLine>;

/** Reads one line: a speaker turn, a speaker label alone, a lone timestamp, a break marker, or text. */
export function readTranscriptLine(line: SourceLine) {
  const text = line.text.trim();
  const turn = TURN_LINE.exec(text);
  const turnTime = turn?.[1] ?? turn?.[3];
  if (turn) return { kind: "turn" as const, line, speaker: turn[2]!, text: turn[4]!, time: turnTime && pad(turnTime) };
  const label = LABEL_LINE.exec(text);
  if (label) return { kind: "label" as const, line, speaker: label[1]!, time: pad(label[2]!) };
  const time = TIME_LINE.exec(text);
  if (time) return { kind: "time" as const, line, time: pad(time[1]!) };
  const marker = BRACKETED.exec(text) ?? RULED.exec(text);
  if (marker && BREAK_WORDS.test(marker[1]!)) return { kind: "break" as const, line, label: marker[1]! };
  return { kind: "text" as const, line, text };
}

/** "0:03" -> "00:00:03", "12:34" -> "00:12:34": one form for the Turn's `time`. */
function pad(time: string): string {
  return ["00", "00", ...time.split(":").map((part) => part.padStart(2, "0"))].slice(-3).join(":");
}

/** How often each label speaks (turns and labels alone on a line). */
function labelCounts(read: readonly TranscriptLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of read) if ("speaker" in r) counts.set(r.speaker, (counts.get(r.speaker) ?? 0) + 1);
  return counts;
}

/** A speaker-labelled transcript: two or more speakers start two or more turns each, a third of the paragraphs at least. */
export function isSpeakerTranscript(lines: readonly SourceLine[]): boolean {
  const prose = lines.filter((line) => line.text.trim() !== "");
  const recurring = [...labelCounts(prose.map(readTranscriptLine)).values()].filter((n) => n >= 2);
  return recurring.length >= 2 && recurring.reduce((sum, n) => sum + n, 0) * 3 >= prose.length;
}

/** Who the editor says asked and answered, when known. */
type TranscriptHints = Partial<Record<"interviewer" | "guest", string | undefined>>;

const HOST_LABEL = /^(?:Q|Question|Interviewer|Host|Moderator)$/i;
const GUEST_LABEL = /^(?:A|Answer|Guest|Interviewee)$/i;
// Audience members and callers ask too.
const ASKER_LABEL = /\b(?:audience|caller|listener|attendee)\b/i;
const QUOTED_AT_END = /\s["“‘«]([^"“”]*)\?["”’»]$/u;
// "Note: …", "Update: …": labelled lines that are not a speaker, even in a transcript.
const NOT_SPEAKERS =
  /^(?:note|notes|edit|update|example|recorded|published|posted|date|guest|guests|with|featuring|source|title|link|links|tip|warning|ps|tl;dr|transcript|episode|summary|sponsor|sponsors)$/i;

type Paragraph = { line: SourceLine; text: string };
type Turn = { speaker: string; line: SourceLine; time?: string | undefined; paragraphs: Paragraph[] };

/** Who speaks: labels used at least twice, and after the first of those every other label (a thread's askers speak once). */
function speakersOf(read: readonly TranscriptLine[]): Set<string> {
  const recurring = new Set<string>();
  for (const [name, n] of labelCounts(read)) if (n >= 2 && !NOT_SPEAKERS.test(name)) recurring.add(name);
  const start = read.findIndex((r) => "speaker" in r && recurring.has(r.speaker));
  for (const r of read.slice(Math.max(start, 0)))
    if ("speaker" in r && !NOT_SPEAKERS.test(r.speaker)) recurring.add(r.speaker);
  return recurring;
}

/** Builds a speaker-labelled transcript: host questions become `##` headings, other turns Turn blocks, breaks markers. */
export function buildTranscript(body: readonly SourceLine[], hints: TranscriptHints, file: string) {
  const read = body.filter((line) => line.text.trim() !== "").map(readTranscriptLine);
  const speakers = speakersOf(read);
  const firstTurn = read.findIndex((r) => "speaker" in r && speakers.has(r.speaker));
  if (firstTurn === -1) throw new ImportError(file, "no speaker turns found; this does not read as a transcript");

  const blocks: Block[] = read
    .slice(0, firstTurn)
    .map((r) => ({ type: "paragraph", line: r.line.number, text: r.line.text.trim() }));
  // The words of each labelled line without its label and timestamp; lines that are only a label or a time.
  const lineText = new Map<number, string>();
  const structural = new Set<number>();
  const guesses: Guess[] = [];
  const turns: (Turn | { label: string; line: SourceLine })[] = [];
  let pendingTime: string | undefined;
  for (const r of read.slice(firstTurn)) {
    const current = turns.at(-1);
    if ("speaker" in r && speakers.has(r.speaker)) {
      const turn: Turn = { speaker: r.speaker, line: r.line, paragraphs: [], time: r.time ?? pendingTime };
      pendingTime = undefined;
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
    } else {
      const paragraph = { line: r.line, text: r.line.text.trim() };
      if (current && "paragraphs" in current) current.paragraphs.push(paragraph);
      else turns.push({ speaker: "", line: r.line, paragraphs: [paragraph] });
    }
  }

  const spoken = turns.filter((t): t is Turn => "paragraphs" in t);
  const { hosts, guests, settled } = sortSpeakers(spoken, hints);
  const sorted = `hosts: ${hosts.join(", ")}; guests: ${guests.join(", ")}`;
  const decision = "read the speakers who ask as hosts and the one who says most as the guest";
  if (!settled) guesses.push({ line: spoken[0]!.line.number, text: sorted, decision });
  turns.forEach((turn, k) => {
    if (!("paragraphs" in turn)) {
      blocks.push({ type: "break", line: turn.line.number, label: turn.label });
      return;
    }
    const host = hosts.includes(turn.speaker);
    const last = turn.paragraphs.at(-1)!;
    const next = turns[k + 1];
    const answered = next !== undefined && "paragraphs" in next && guests.includes(next.speaker);
    const asks = endsWithQuestionMark(last.text) && !QUOTED_AT_END.test(plainText(last.text));
    const before = host && asks && answered ? turn.paragraphs.slice(0, -1) : turn.paragraphs;
    if (host && asks && !answered)
      guesses.push({ line: last.line.number, text: last.text, decision: "kept as a host turn: no guest answers it" });
    if (before.length > 0) {
      blocks.push({
        type: "turn",
        line: turn.line.number,
        speaker: speakerName(turn.speaker, hints),
        role: host ? "host" : "guest",
        time: turn.time,
        blocks: before.map((p) => ({ type: "paragraph", line: p.line.number, text: p.text })),
      });
    }
    if (before.length < turn.paragraphs.length)
      blocks.push({ type: "question", line: last.line.number, text: last.text });
  });

  if (!blocks.some((b) => b.type === "question"))
    throw new ImportError(file, "no host question found in the transcript; name the interviewer with --interviewer");
  // The last line before the first turn: title, show notes, date.
  const preambleEnd = read[firstTurn - 1]?.line.number ?? 0;
  return { blocks, warnings: [] as string[], guesses, preambleEnd, lineText, structural, guests };
}

function speakerName(label: string, hints: TranscriptHints): string {
  if (/^(?:Q|Question)$/i.test(label)) return hints.interviewer ?? "Interviewer";
  if (/^(?:A|Answer)$/i.test(label)) return hints.guest ?? "Guest";
  return displayName(label);
}

/** "CARLA NUNES" -> "Carla Nunes": transcripts shout labels; the archive shows names. */
export function displayName(label: string): string {
  if (label.length <= 2 || label !== label.toUpperCase() || label === label.toLowerCase()) return label;
  return label.toLowerCase().replace(/(?<=^|[\s'’-])\p{L}/gu, (letter) => letter.toUpperCase());
}

/** Hosts and guests: by label, by the editor's names, else hosts are those who ask and the guest says most. */
function sortSpeakers(turns: readonly Turn[], hints: TranscriptHints) {
  const names = [...new Set(turns.map((t) => t.speaker).filter((s) => s !== ""))];
  if (names.some((n) => HOST_LABEL.test(n) || GUEST_LABEL.test(n))) {
    const hosts = names.filter((n) => HOST_LABEL.test(n) || ASKER_LABEL.test(n));
    return { hosts, guests: names.filter((n) => !hosts.includes(n)), settled: true };
  }
  const matches = (label: string, name?: string) =>
    name !== undefined && (label === name || name.split(/\s+/)[0] === label || label.split(/\s+/)[0] === name);
  const wordsIn = (turn: Turn) =>
    turn.paragraphs
      .map((p) => p.text)
      .join(" ")
      .split(/\s+/).length;
  const words = (name: string) => turns.reduce((n, turn) => n + (turn.speaker === name ? wordsIn(turn) : 0), 0);
  const named = names.find((n) => matches(n, hints.guest));
  const interviewer = names.find((n) => matches(n, hints.interviewer));
  const guest = named ?? [...names].filter((n) => n !== interviewer).sort((a, b) => words(b) - words(a))[0]!;
  return {
    hosts: names.filter((n) => n !== guest),
    guests: [guest],
    settled: named !== undefined || interviewer !== undefined,
  };
}
