import { describe, expect, it } from "vitest";
import {
  buildCuratorReport,
  formatCuratorReport,
  groupQuestions,
  REPORT_MESSAGES,
} from "../../src/curation/report.js";
import type { QuestionLogRecord, ReportRecords } from "../../src/storage/types.js";

const AT = new Date("2025-07-22T10:00:00Z");
const SINCE = new Date("2025-06-22T10:00:00Z");
const QUESTIONS: Record<string, string> = { "third-round": "When and where is the third round of talks?" };
const entryQuestion = (id: string) => QUESTIONS[id] ?? null;

const unanswered = (normalisedQuestion: string, closestEntryId: string | null): QuestionLogRecord => ({
  normalisedQuestion,
  entryId: null,
  closestEntryId,
  confidence: 0.3,
  answered: false,
  at: AT,
});

describe("grouping alike questions", () => {
  it("puts the same normalised question together and counts it", () => {
    const groups = groupQuestions(
      [
        { question: "who mediates the talks", entryId: null, confidence: 0.2 },
        { question: "who mediates the talks", entryId: null, confidence: 0.4 },
      ],
      entryQuestion,
    );
    expect(groups).toEqual([
      {
        example: "who mediates the talks",
        phrasings: ["who mediates the talks"],
        count: 2,
        closestEntryId: null,
        closestQuestion: null,
        confidence: expect.closeTo(0.3, 5),
      },
    ]);
  });

  it("joins phrasings that share most of their words, and keeps different questions apart", () => {
    const groups = groupQuestions(
      [
        { question: "where is the third round held", entryId: "third-round", confidence: 0.4 },
        { question: "where is the third round held", entryId: "third-round", confidence: 0.4 },
        { question: "where will the third round be held", entryId: "third-round", confidence: 0.4 },
        { question: "who pays for the reconstruction", entryId: null, confidence: 0.1 },
        { question: "who mediates the talks", entryId: null, confidence: 0.1 },
        { question: "who is mediating talks", entryId: null, confidence: 0.1 },
      ],
      entryQuestion,
    );
    expect(
      groups.map((group) => [group.count, group.phrasings, group.closestEntryId, group.closestQuestion]),
    ).toEqual([
      [
        3,
        ["where is the third round held", "where will the third round be held"],
        "third-round",
        QUESTIONS["third-round"],
      ],
      [2, ["who is mediating talks", "who mediates the talks"], null, null],
      [1, ["who pays for the reconstruction"], null, null],
    ]);
  });
});

describe("the curator report", () => {
  const records: ReportRecords = {
    unanswered: [
      unanswered("when is round four", "third-round"),
      unanswered("when is round four", "third-round"),
    ],
    lowConfidence: [
      {
        normalisedQuestion: "istanbul meeting date",
        entryId: "third-round",
        closestEntryId: "third-round",
        confidence: 0.6,
        answered: true,
        at: AT,
      },
    ],
    unhelpful: [
      { entryId: "third-round", helpful: false, normalisedQuestion: "is there a fourth round", at: AT },
      { entryId: "third-round", helpful: false, normalisedQuestion: "is there a fourth round", at: AT },
      { entryId: "gone-entry", helpful: false, normalisedQuestion: "old question", at: AT },
    ],
  };

  it("lists unanswered groups, low-confidence answers and unhelpful votes, each with the closest entry", () => {
    const report = buildCuratorReport(records, SINCE, entryQuestion);
    expect(report.unanswered).toMatchObject([
      { example: "when is round four", count: 2, closestEntryId: "third-round" },
    ]);
    expect(report.lowConfidence).toMatchObject([
      { example: "istanbul meeting date", closestEntryId: "third-round" },
    ]);
    expect(report.unhelpful).toEqual([
      {
        entryId: "third-round",
        entryQuestion: QUESTIONS["third-round"],
        votes: 2,
        questions: ["is there a fourth round"],
      },
      { entryId: "gone-entry", entryQuestion: null, votes: 1, questions: ["old question"] },
    ]);
  });

  it("prints readably, naming each closest entry by id and question", () => {
    const text = formatCuratorReport(buildCuratorReport(records, SINCE, entryQuestion));
    expect(text).toContain(REPORT_MESSAGES.title(SINCE));
    expect(text).toContain('2× "when is round four"');
    expect(text).toContain(REPORT_MESSAGES.closest("third-round", QUESTIONS["third-round"] ?? null));
    expect(text).toContain('1× "istanbul meeting date" (confidence 0.60)');
    expect(text).toContain(REPORT_MESSAGES.votedDown(2, "third-round", QUESTIONS["third-round"] ?? null));
    expect(text).toContain("1× unhelpful: gone-entry");
  });

  it("says none for each empty part", () => {
    const text = formatCuratorReport(
      buildCuratorReport({ unanswered: [], lowConfidence: [], unhelpful: [] }, SINCE, entryQuestion),
    );
    expect(text.split("\n").filter((line) => line === REPORT_MESSAGES.none)).toHaveLength(3);
  });
});
