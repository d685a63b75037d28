import { formatDate } from "../answers/age.js";
import { DECISION_MODELS } from "../matching/decision/models.js";
import type { ReportRecords } from "../storage/types.js";

/** Answers this close above the decision model's answer cut-off were near misses: a curator should look. */
export const LOW_CONFIDENCE_BELOW = Math.min(
  1,
  Math.round((DECISION_MODELS.withMeaning.answerAt + 0.1) * 100) / 100,
);

/** Questions sharing at least this share of their words (Jaccard) count as alike. */
export const ALIKE_OVERLAP = 0.6;

/** How many phrasings of one group the report shows. */
const PHRASINGS_SHOWN = 5;

/** Words too common to tell two questions apart. */
const STOP_WORDS = new Set(
  "a an the is are was were be been do does did of to in on at for and or with about what whats when where who whom why how which will would can could should there this that it its any me i you we they us our".split(
    " ",
  ),
);

export interface QuestionGroup {
  /** The phrasing asked most often in the group. */
  example: string;
  /** Distinct phrasings, most asked first (at most a few). */
  phrasings: string[];
  count: number;
  /** The entry the matcher came closest to (or answered with), most often across the group. */
  closestEntryId: string | null;
  closestQuestion: string | null;
  /** Mean confidence across the group, 0..1. */
  confidence: number;
}

export interface UnhelpfulEntry {
  entryId: string | null;
  entryQuestion: string | null;
  votes: number;
  /** The questions that got this answer and a thumbs-down. */
  questions: string[];
}

export interface CuratorReport {
  since: Date;
  unanswered: QuestionGroup[];
  lowConfidence: QuestionGroup[];
  unhelpful: UnhelpfulEntry[];
}

/** Looks up an entry's main question; null when it is not known (gone from the data, or data not loaded). */
export type EntryQuestion = (entryId: string) => string | null;

function words(question: string): Set<string> {
  return new Set(
    question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== "" && !STOP_WORDS.has(word))
      // A crude stem is enough here: "mediates" and "mediating" should count as one word.
      .map((word) => (word.length > 4 ? word.replace(/(ing|ed|es|s)$/, "") : word)),
  );
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

interface Asked {
  question: string;
  entryId: string | null;
  confidence: number;
}

/**
 * Groups alike questions: the same normalised text, or words that overlap enough. Phrasings are
 * placed most-asked first, each joining the first group whose lead phrasing it resembles.
 */
export function groupQuestions(asked: readonly Asked[], entryQuestion: EntryQuestion): QuestionGroup[] {
  const byText = new Map<string, Asked[]>();
  for (const item of asked) byText.set(item.question, [...(byText.get(item.question) ?? []), item]);
  const phrasings = [...byText.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );

  const groups: { lead: Set<string>; texts: string[]; items: Asked[] }[] = [];
  for (const [text, items] of phrasings) {
    const tokens = words(text);
    const group = groups.find((candidate) => overlap(candidate.lead, tokens) >= ALIKE_OVERLAP);
    if (group === undefined) groups.push({ lead: tokens, texts: [text], items: [...items] });
    else {
      group.texts.push(text);
      group.items.push(...items);
    }
  }

  return groups
    .map((group) => {
      const closestEntryId =
        mostCommon(group.items.map((item) => item.entryId).filter((id) => id !== null)) ?? null;
      return {
        example: group.texts[0] ?? "",
        phrasings: group.texts.slice(0, PHRASINGS_SHOWN),
        count: group.items.length,
        closestEntryId,
        closestQuestion: closestEntryId === null ? null : entryQuestion(closestEntryId),
        confidence: group.items.reduce((sum, item) => sum + item.confidence, 0) / group.items.length,
      };
    })
    .sort((a, b) => b.count - a.count || a.example.localeCompare(b.example));
}

/** What the curator should look at, from what the store recorded since `since`. */
export function buildCuratorReport(
  records: ReportRecords,
  since: Date,
  entryQuestion: EntryQuestion,
): CuratorReport {
  const unhelpful = new Map<string | null, UnhelpfulEntry>();
  for (const vote of records.unhelpful) {
    const found = unhelpful.get(vote.entryId) ?? {
      entryId: vote.entryId,
      entryQuestion: vote.entryId === null ? null : entryQuestion(vote.entryId),
      votes: 0,
      questions: [],
    };
    found.votes += 1;
    if (!found.questions.includes(vote.normalisedQuestion) && found.questions.length < PHRASINGS_SHOWN) {
      found.questions.push(vote.normalisedQuestion);
    }
    unhelpful.set(vote.entryId, found);
  }
  return {
    since,
    unanswered: groupQuestions(
      records.unanswered.map((q) => ({
        question: q.normalisedQuestion,
        entryId: q.closestEntryId,
        confidence: q.confidence,
      })),
      entryQuestion,
    ),
    lowConfidence: groupQuestions(
      records.lowConfidence.map((q) => ({
        question: q.normalisedQuestion,
        entryId: q.entryId,
        confidence: q.confidence,
      })),
      entryQuestion,
    ),
    unhelpful: [...unhelpful.values()].sort((a, b) => b.votes - a.votes),
  };
}

export const REPORT_MESSAGES = {
  title: (since: Date) => `Curator report: questions since ${formatDate(since.toISOString().slice(0, 10))}`,
  unansweredTitle: "Unanswered questions (add an entry, or an alternate phrasing to the closest one)",
  lowConfidenceTitle: (below: number) =>
    `Answered with low confidence, below ${below} (add the phrasing as an alternate if the answer was right)`,
  unhelpfulTitle: "Answers voted unhelpful",
  none: "  none",
  entry: (id: string | null, question: string | null) => {
    if (id === null) return "none";
    return question === null ? id : `${id} — "${question}"`;
  },
  closest: (id: string | null, question: string | null) =>
    `closest entry: ${REPORT_MESSAGES.entry(id, question)}`,
  votedDown: (votes: number, id: string | null, question: string | null) =>
    `${votes}× unhelpful: ${id === null ? "the decline message" : REPORT_MESSAGES.entry(id, question)}`,
  nextSteps:
    "Next: edit data/qa/*.yml, check with `npm run eval`; a running bot picks the change up by itself.",
} as const;

function groupLines(groups: readonly QuestionGroup[], showConfidence: boolean): string[] {
  if (groups.length === 0) return [REPORT_MESSAGES.none];
  return groups.flatMap((group) => [
    `  ${group.count}× "${group.example}"${showConfidence ? ` (confidence ${group.confidence.toFixed(2)})` : ""}`,
    ...group.phrasings.slice(1).map((phrasing) => `       also: "${phrasing}"`),
    `       ${REPORT_MESSAGES.closest(group.closestEntryId, group.closestQuestion)}`,
  ]);
}

/** The report as plain text for a terminal. */
export function formatCuratorReport(report: CuratorReport): string {
  const unhelpful =
    report.unhelpful.length === 0
      ? [REPORT_MESSAGES.none]
      : report.unhelpful.flatMap((entry) => [
          `  ${REPORT_MESSAGES.votedDown(entry.votes, entry.entryId, entry.entryQuestion)}`,
          ...entry.questions.map((question) => `       asked: "${question}"`),
        ]);
  return [
    REPORT_MESSAGES.title(report.since),
    "",
    REPORT_MESSAGES.unansweredTitle,
    ...groupLines(report.unanswered, false),
    "",
    REPORT_MESSAGES.lowConfidenceTitle(LOW_CONFIDENCE_BELOW),
    ...groupLines(report.lowConfidence, true),
    "",
    REPORT_MESSAGES.unhelpfulTitle,
    ...unhelpful,
    "",
    REPORT_MESSAGES.nextSteps,
  ].join("\n");
}
