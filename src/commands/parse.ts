import { parseTimeOfDay, resolveTimeZone } from "../digest/time.js";
import { DIGEST_CADENCES, type DigestCadence } from "../storage/types.js";
import { digestProblems } from "./messages.js";
import type { DigestCommand, TalksCommand } from "./types.js";

/** Command words; "status" alone is the command, "status of the ceasefire" is a question. */
const KEYWORDS = ["status", "timeline", "sources", "help", "digest"] as const;

/**
 * Slack sends what the user typed; long pastes are cut before any work is done so parsing stays
 * linear and cheap whatever arrives. Questions longer than this are not real questions.
 */
export const MAX_COMMAND_CHARS = 2_000;

/** Small edit distance, so "/talks stauts" gets help instead of a puzzled decline. */
function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return (previous[b.length] ?? 99) <= 2;
}

function looksLikeMistypedCommand(word: string): boolean {
  return word.length >= 4 && KEYWORDS.some((keyword) => withinTwoEdits(word, keyword));
}

function parseDigest(words: readonly string[]): TalksCommand {
  const [action, ...rest] = words;
  if (action === undefined) return { kind: "digest-invalid", problem: digestProblems.missingAction };
  const lower = action.toLowerCase();
  if ((lower === "off" || lower === "status" || lower === "preview") && rest.length === 0) {
    return { kind: "digest", digest: { action: lower } };
  }
  if (lower !== "on") return { kind: "digest-invalid", problem: digestProblems.unknownAction(action) };
  if (rest.length > 3) return { kind: "digest-invalid", problem: digestProblems.tooManyWords };

  let time: string | null = null;
  let timeZone: string | null = null;
  let cadence: DigestCadence | null = null;
  for (const word of rest) {
    const asCadence = DIGEST_CADENCES.find((name) => name === word.toLowerCase());
    if (asCadence !== undefined && cadence === null) {
      cadence = asCadence;
      continue;
    }
    const asTime = parseTimeOfDay(word);
    if (asTime !== null && time === null) {
      time = asTime;
      continue;
    }
    if (/^\d/.test(word) && time === null)
      return { kind: "digest-invalid", problem: digestProblems.badTime(word) };
    const zone = resolveTimeZone(word);
    if (zone === null || timeZone !== null) {
      return { kind: "digest-invalid", problem: digestProblems.badTimeZone(word) };
    }
    timeZone = zone;
  }
  const digest: DigestCommand = { action: "on", time, timeZone, cadence };
  return { kind: "digest", digest };
}

/**
 * Routes the text after `/talks`. Pure and total: every input, however odd, gives a command, and
 * anything not understood gives help rather than an error.
 */
export function parseTalksCommand(text: string): TalksCommand {
  const trimmed = text.slice(0, MAX_COMMAND_CHARS).trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) {
    return { kind: "help", unrecognised: trimmed === "" ? null : trimmed };
  }
  const words = trimmed.split(/\s+/);
  // "status?" and "Status." are still the command.
  const first = (words[0] ?? "").toLowerCase().replace(/[?!.]+$/, "");
  const rest = words.slice(1);

  if (first === "ask") {
    const question = trimmed.slice(words[0]?.length ?? 0).trim();
    return question === "" ? { kind: "help", unrecognised: null } : { kind: "ask", question };
  }
  if (first === "digest") return parseDigest(rest);
  if (first === "help") return { kind: "help", unrecognised: null };
  if (rest.length === 0 && (first === "status" || first === "timeline" || first === "sources")) {
    return { kind: first };
  }
  if (rest.length === 0 && looksLikeMistypedCommand(first))
    return { kind: "help", unrecognised: words[0] ?? first };
  return { kind: "ask", question: trimmed };
}
