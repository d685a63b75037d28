import type { Answer, AnswerEngine, AnsweredQuestion } from "../../src/answers/types.js";
import type { KnowledgeBase } from "../../src/knowledge/load.js";
import type { Entry, SourceDocument, Status, TimelineEvent } from "../../src/knowledge/schema.js";

const DOCUMENT: SourceDocument = {
  id: "doc-a",
  title: "Talks resume in Istanbul",
  date: "2025-07-22",
  outlets: ["AP News", "Newsmax", "Al Jazeera"],
  text: "According to AP News and Newsmax, a third round is scheduled for July 23, 2025, in Istanbul.",
};

const LINKED_DOCUMENT: SourceDocument = {
  id: "doc-b",
  title: "Sanctions <b>update</b>",
  date: "2025-06-01",
  outlets: ["POLITICO"],
  url: "https://example.org/sanctions?a=1&b=2",
  text: "POLITICO reports new sanctions.",
};

const ENTRY: Entry = {
  id: "next-round",
  question: "When is the next round of talks?",
  alternates: ["next meeting"],
  unanswered: [],
  answer: "A third round of negotiations was scheduled for 23 July 2025 in Istanbul.",
  sources: [{ document: "doc-a", outlets: ["AP News", "Newsmax"] }],
  evidence: "a third round is scheduled for July 23, 2025, in Istanbul",
  tags: [],
  asOf: "2025-07-22",
  scheduledEvent: { date: "2025-07-23", label: "The third round in Istanbul" },
};

const STATUS: Status = {
  summary: "A third round was scheduled in Istanbul.",
  positions: { ukraine: "Wants a full ceasefire.", russia: "Insists on neutrality." },
  nextEvent: { date: "2025-07-23", label: "Third round in Istanbul" },
  latest: ["Strikes hit four cities.", "Prisoner exchange agreed."],
  sources: [{ document: "doc-a", outlets: ["AP News"] }],
  asOf: "2025-07-22",
};

const TIMELINE: TimelineEvent[] = [
  {
    date: "2022-11",
    label: "Ten-point plan",
    sources: [{ document: "doc-a", outlets: ["AP News"] }],
    evidence: "x",
  },
  {
    date: "2025-07-23",
    label: "Third round in Istanbul",
    sources: [{ document: "doc-b", outlets: ["POLITICO"] }],
    evidence: "y",
  },
];

/** A small knowledge base built in memory, so block tests do not depend on the curated data. */
export function makeKnowledgeBase(
  overrides: { status?: Partial<Status>; timeline?: TimelineEvent[] } = {},
): KnowledgeBase {
  const entries = [ENTRY];
  return {
    version: "test",
    documents: new Map([
      [DOCUMENT.id, DOCUMENT],
      [LINKED_DOCUMENT.id, LINKED_DOCUMENT],
    ]),
    entries,
    entryById: new Map(entries.map((entry) => [entry.id, entry])),
    entryFingerprints: new Map(entries.map((entry) => [entry.id, "fp"])),
    status: { ...STATUS, ...overrides.status },
    timeline: overrides.timeline ?? TIMELINE,
    entities: [],
  };
}

export const ANSWERED: Answer = {
  answered: true,
  text: ENTRY.answer,
  sources: [
    { outlet: "AP News", date: "2025-07-22", title: DOCUMENT.title },
    { outlet: "Newsmax", date: "2025-07-22", title: DOCUMENT.title },
  ],
  confidence: 0.9,
  id: ENTRY.id,
  asOf: ENTRY.asOf,
  evidence: ENTRY.evidence,
  suggestions: [],
};

export const DECLINED: Answer = {
  answered: false,
  text: "I don't have an answer to that.",
  sources: [],
  confidence: 0.2,
  id: null,
  asOf: null,
  evidence: null,
  suggestions: [
    { id: "next-round", question: "When is the next round of talks?" },
    { id: "demands", question: "What does Russia demand?" },
    { id: "ukraine", question: "What does Ukraine want?" },
    { id: "fourth", question: "A fourth suggestion that must not be shown" },
  ],
};

/**
 * An engine with scripted answers: questions containing "next round" are answered, anything else
 * declined. `calls` records what was asked.
 */
export class FakeEngine implements AnswerEngine {
  readonly calls: string[] = [];
  failWith: Error | null = null;

  readonly meaning = false;

  constructor(readonly kb: KnowledgeBase = makeKnowledgeBase()) {}

  async ask(question: string): Promise<AnsweredQuestion> {
    this.calls.push(question);
    if (this.failWith !== null) throw this.failWith;
    const normalisedQuestion = question
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    const answer = normalisedQuestion.includes("next round") ? ANSWERED : DECLINED;
    return { answer, normalisedQuestion, more: [] };
  }

  async askMany(questions: readonly string[]): Promise<AnsweredQuestion[]> {
    const answers: AnsweredQuestion[] = [];
    for (const question of questions) answers.push(await this.ask(question));
    return answers;
  }

  answerEntry(id: string): Answer | null {
    if (this.failWith !== null) throw this.failWith;
    return id === ANSWERED.id ? ANSWERED : null;
  }
}
