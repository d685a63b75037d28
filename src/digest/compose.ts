import { createHash } from "node:crypto";
import { ageLine, staleLine } from "../answers/age.js";
import { newestDocumentDate } from "../answers/freshness.js";
import { type AnswerSource, type KnowledgeBase, sourcesFor } from "../knowledge/load.js";
import type { EntrySource } from "../knowledge/schema.js";
import type { QuestionLogRecord } from "../storage/types.js";
import { localDateTime } from "./time.js";

/** A digest lists at most this many most-asked questions and changed entries of each kind. */
export const DIGEST_LIMITS = { topQuestions: 5, changedEntries: 10 } as const;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface QuestionStats {
  total: number;
  unanswered: number;
  /** Most asked first; the normalised text as logged (it came from users: escape before showing). */
  top: { question: string; count: number; unanswered: number }[];
}

/** The channel's previous delivered digest: its local date and the entry fingerprints it was built from. */
export interface PreviousDigest {
  localDate: string;
  entryFingerprints: Record<string, string>;
}

export interface ChangedEntry {
  id: string;
  question: string;
}

export type DigestChanges =
  | { kind: "first" }
  | { kind: "unchanged"; since: string }
  | {
      kind: "changed";
      since: string;
      added: ChangedEntry[];
      updated: ChangedEntry[];
      /** How many were left out of `added` and `updated` to keep the post short. */
      more: number;
      removed: number;
      /** The status card says something new. */
      statusUpdated: boolean;
      /** Dated events were added, changed or removed. */
      timelineUpdated: boolean;
    };

export interface UpcomingEvent {
  /** "YYYY-MM-DD", or "YYYY-MM" when only the month is known. */
  date: string;
  label: string;
}

export type DigestUpcoming =
  | { kind: "events"; events: UpcomingEvent[] }
  | { kind: "none"; latestDate: string };

export interface DigestContent {
  /** The subscriber's local date the digest is for. */
  localDate: string;
  weekday: string;
  /**
   * `staleLine` opens the digest once the status is older than STALE_AFTER_DAYS (null before);
   * `ageLine` is the quiet "As of …" shown instead while it is fresh.
   */
  status: { summary: string; ageLine: string; staleLine: string | null };
  changes: DigestChanges;
  upcoming: DigestUpcoming;
  questions: QuestionStats;
  sources: AnswerSource[];
}

export interface ComposeDigestInput {
  kb: KnowledgeBase;
  questionStats: QuestionStats;
  previous: PreviousDigest | null;
  now: Date;
  timeZone: string;
  /** STALE_AFTER_DAYS */
  staleAfterDays: number;
}

/** Counts the logged questions: the most asked first (ties in order of first asking), and the unanswered. */
export function summariseQuestions(
  records: readonly QuestionLogRecord[],
  limit: number = DIGEST_LIMITS.topQuestions,
): QuestionStats {
  const byQuestion = new Map<string, { question: string; count: number; unanswered: number }>();
  for (const record of records) {
    const found = byQuestion.get(record.normalisedQuestion) ?? {
      question: record.normalisedQuestion,
      count: 0,
      unanswered: 0,
    };
    found.count += 1;
    if (!record.answered) found.unanswered += 1;
    byQuestion.set(record.normalisedQuestion, found);
  }
  return {
    total: records.length,
    unanswered: records.filter((record) => !record.answered).length,
    top: [...byQuestion.values()].sort((a, b) => b.count - a.count).slice(0, limit),
  };
}

/**
 * Keys of the status card's and the timeline's fingerprints among the entries' own: entry ids are
 * lower-case letters, digits and dashes, so these can never clash with one.
 */
export const STATUS_FINGERPRINT_KEY = "@status";
export const TIMELINE_FINGERPRINT_KEY = "@timeline";

function fingerprint(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 12);
}

/**
 * What a digest is compared on next time: each entry's fingerprint (its question, answer, sources and
 * date, not its alternates) and one each for the status card and the timeline. A curator adding
 * phrasings changes none of them, so it never makes a digest say the data changed.
 */
export function digestFingerprints(kb: KnowledgeBase): Record<string, string> {
  return {
    ...Object.fromEntries(kb.entryFingerprints),
    [STATUS_FINGERPRINT_KEY]: fingerprint(kb.status),
    [TIMELINE_FINGERPRINT_KEY]: fingerprint(kb.timeline),
  };
}

const isEntryKey = (key: string) => key !== STATUS_FINGERPRINT_KEY && key !== TIMELINE_FINGERPRINT_KEY;

/** Digests recorded before status and timeline were fingerprinted compare on entries alone. */
function partChanged(previous: PreviousDigest, key: string, now: string | undefined): boolean {
  const before = previous.entryFingerprints[key];
  return before !== undefined && before !== now;
}

function compareChanges(kb: KnowledgeBase, previous: PreviousDigest | null): DigestChanges {
  if (previous === null) return { kind: "first" };
  const current = digestFingerprints(kb);
  const added: ChangedEntry[] = [];
  const updated: ChangedEntry[] = [];
  for (const entry of kb.entries) {
    const before = previous.entryFingerprints[entry.id];
    const now = kb.entryFingerprints.get(entry.id);
    if (before === undefined) added.push({ id: entry.id, question: entry.question });
    else if (before !== now) updated.push({ id: entry.id, question: entry.question });
  }
  const removed = Object.keys(previous.entryFingerprints).filter(
    (id) => isEntryKey(id) && !kb.entryById.has(id),
  ).length;
  const statusUpdated = partChanged(previous, STATUS_FINGERPRINT_KEY, current[STATUS_FINGERPRINT_KEY]);
  const timelineUpdated = partChanged(previous, TIMELINE_FINGERPRINT_KEY, current[TIMELINE_FINGERPRINT_KEY]);
  if (added.length === 0 && updated.length === 0 && removed === 0 && !statusUpdated && !timelineUpdated) {
    return { kind: "unchanged", since: previous.localDate };
  }
  const addedShown = added.slice(0, DIGEST_LIMITS.changedEntries);
  const updatedShown = updated.slice(0, DIGEST_LIMITS.changedEntries - addedShown.length);
  return {
    kind: "changed",
    since: previous.localDate,
    added: addedShown,
    updated: updatedShown,
    more: added.length + updated.length - addedShown.length - updatedShown.length,
    removed,
    statusUpdated,
    timelineUpdated,
  };
}

/** An event dated only to the month is still ahead while that month lasts. */
function isAhead(eventDate: string, today: string): boolean {
  return eventDate >= today.slice(0, eventDate.length);
}

function upcomingEvents(
  kb: KnowledgeBase,
  today: string,
): { upcoming: DigestUpcoming; sources: EntrySource[] } {
  const ahead = kb.timeline.filter((event) => isAhead(event.date, today));
  const events: UpcomingEvent[] = ahead.map((event) => ({ date: event.date, label: event.label }));
  const sources = ahead.flatMap((event) => event.sources);
  const next = kb.status.nextEvent;
  if (next !== null && isAhead(next.date, today) && !events.some((event) => event.date === next.date)) {
    events.push({ date: next.date, label: next.label });
    events.sort((a, b) => a.date.localeCompare(b.date));
  }
  if (events.length > 0) return { upcoming: { kind: "events", events }, sources };
  const dates = [
    kb.status.asOf,
    ...kb.timeline.map((event) => event.date),
    ...(next === null ? [] : [next.date]),
  ];
  const latestDate = dates.sort().at(-1) ?? kb.status.asOf;
  return { upcoming: { kind: "none", latestDate }, sources };
}

/**
 * The daily digest as plain data, from the knowledge base, the workspace's questions of the last day and
 * the channel's previous digest. Dates are the subscriber's local ones.
 */
export function composeDigest(input: ComposeDigestInput): DigestContent {
  const { kb, now } = input;
  const localDate = localDateTime(now, input.timeZone).date;
  const changes = compareChanges(kb, input.previous);
  const { upcoming, sources: eventSources } = upcomingEvents(kb, localDate);
  const changedSources =
    changes.kind === "changed"
      ? [...changes.added, ...changes.updated].flatMap(
          (changed) => kb.entryById.get(changed.id)?.sources ?? [],
        )
      : [];
  return {
    localDate,
    weekday: WEEKDAYS[new Date(`${localDate}T12:00:00Z`).getUTCDay()] ?? "",
    status: {
      summary: kb.status.summary,
      ageLine: ageLine(kb.status.asOf, now),
      staleLine: staleLine(kb.status.asOf, newestDocumentDate(kb), {
        now,
        staleAfterDays: input.staleAfterDays,
      }),
    },
    changes,
    upcoming,
    questions: input.questionStats,
    sources: sourcesFor(kb, [...kb.status.sources, ...eventSources, ...changedSources]),
  };
}
