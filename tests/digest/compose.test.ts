import { beforeAll, describe, expect, it } from "vitest";
import {
  type ComposeDigestInput,
  composeDigest,
  digestFingerprints,
  type QuestionStats,
  summariseQuestions,
} from "../../src/digest/compose.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { QuestionLogRecord } from "../../src/storage/types.js";

const NO_QUESTIONS: QuestionStats = { total: 0, unanswered: 0, top: [] };
// 22:30 UTC on 22 July is already 23 July in Kyiv.
const NOW = new Date("2025-07-22T22:30:00Z");

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase("tests/fixtures/knowledge/valid");
});

const fingerprints = () => Object.fromEntries(kb.entryFingerprints);

/** A first digest (nothing to compare with, no questions asked) at NOW in UTC, unless told otherwise. */
const compose = (input: Partial<ComposeDigestInput> = {}) =>
  composeDigest({
    kb,
    questionStats: NO_QUESTIONS,
    previous: null,
    now: NOW,
    timeZone: "UTC",
    staleAfterDays: 14,
    ...input,
  });

describe("composing the daily digest", () => {
  it("is dated with the subscriber's local date and weekday", () => {
    const digest = compose({ timeZone: "Europe/Kyiv" });
    expect(digest.localDate).toBe("2025-07-23");
    expect(digest.weekday).toBe("Wednesday");
    const utc = compose();
    expect([utc.localDate, utc.weekday]).toEqual(["2025-07-22", "Tuesday"]);
  });

  it("carries the status summary with the line it opens with once older than STALE_AFTER_DAYS", () => {
    const later = new Date("2026-11-26T09:00:00Z");
    expect(compose({ now: later }).status).toEqual({
      summary: kb.status.summary,
      ageLine: "As of 22 Jul 2025 — 16 months ago",
      staleLine: "From 22 Jul 2025 — 16 months old; nothing newer in the data.",
    });
    expect(compose({ now: new Date("2025-07-30T09:00:00Z") }).status.staleLine).toBeNull();
    expect(compose({ now: new Date("2025-07-30T09:00:00Z"), staleAfterDays: 5 }).status.staleLine).toBe(
      "From 22 Jul 2025 — 8 days old; nothing newer in the data.",
    );
  });

  it("says plainly that a first digest has nothing to compare with", () => {
    const digest = compose();
    expect(digest.changes).toEqual({ kind: "first" });
  });

  it("says nothing changed when every entry has the fingerprint of the previous digest", () => {
    const previous = { localDate: "2025-07-21", entryFingerprints: fingerprints() };
    const digest = compose({ previous });
    expect(digest.changes).toEqual({ kind: "unchanged", since: "2025-07-21" });
  });

  it("lists new and updated entries (and counts removed ones) since the previous digest", () => {
    const [first, second] = kb.entries;
    if (first === undefined || second === undefined) throw new Error("fixture needs two entries");
    const before = fingerprints();
    delete before[first.id];
    before[second.id] = "an-older-version";
    before["retired-entry"] = "gone";
    const previous = { localDate: "2025-07-21", entryFingerprints: before };

    const digest = compose({ previous });
    expect(digest.changes).toEqual({
      kind: "changed",
      since: "2025-07-21",
      added: [{ id: first.id, question: first.question }],
      updated: [{ id: second.id, question: second.question }],
      more: 0,
      removed: 1,
      statusUpdated: false,
      timelineUpdated: false,
    });
  });

  it("counts a changed status card or timeline as a change, but not new alternates", () => {
    const previous = { localDate: "2025-07-21", entryFingerprints: digestFingerprints(kb) };
    expect(compose({ previous }).changes).toEqual({ kind: "unchanged", since: "2025-07-21" });
    const rephrased = kb.entries.map((entry) => ({ ...entry, alternates: [...entry.alternates, "more"] }));
    expect(compose({ previous, kb: { ...kb, entries: rephrased } }).changes.kind).toBe("unchanged");

    const newStatus = { ...kb, status: { ...kb.status, summary: "Talks resumed." } };
    expect(compose({ previous, kb: newStatus }).changes).toMatchObject({
      kind: "changed",
      added: [],
      updated: [],
      statusUpdated: true,
      timelineUpdated: false,
    });
    const newTimeline = { ...kb, timeline: kb.timeline.slice(1) };
    expect(compose({ previous, kb: newTimeline }).changes).toMatchObject({
      statusUpdated: false,
      timelineUpdated: true,
    });
  });

  it("compares a digest recorded before status and timeline were fingerprinted on entries alone", () => {
    const legacy = { localDate: "2025-07-21", entryFingerprints: fingerprints() };
    const newStatus = { ...kb, status: { ...kb.status, summary: "Talks resumed." } };
    expect(compose({ previous: legacy, kb: newStatus }).changes.kind).toBe("unchanged");
  });

  it("lists timeline events still ahead, counting an event dated only by month while the month lasts", () => {
    const digest = compose({ now: new Date("2025-07-22T09:00:00Z") });
    expect(digest.upcoming).toEqual({
      kind: "events",
      events: [
        {
          date: "2025-07-23",
          label: "Third round of negotiations in Istanbul (scheduled, as of 22 July 2025)",
        },
      ],
    });
    const monthOnly = compose({
      kb: {
        ...kb,
        timeline: [
          {
            ...(kb.timeline[0] as KnowledgeBase["timeline"][number]),
            date: "2025-07",
            label: "Talks in July",
          },
        ],
        status: { ...kb.status, nextEvent: null },
      },
      now: new Date("2025-07-30T09:00:00Z"),
    });
    expect(monthOnly.upcoming).toEqual({
      kind: "events",
      events: [{ date: "2025-07", label: "Talks in July" }],
    });
  });

  it("says honestly that the data has no scheduled events after its latest date once they have passed", () => {
    const digest = compose({ now: new Date("2025-07-24T09:00:00Z") });
    expect(digest.upcoming).toEqual({ kind: "none", latestDate: "2025-07-23" });
  });

  it("cites the outlets of the status and of the events it lists", () => {
    const digest = compose();
    expect(digest.sources.map((source) => [source.outlet, source.date])).toEqual([
      ["AP News", "2025-07-22"],
      ["Newsmax", "2025-07-22"],
    ]);
  });

  it("passes the workspace's question figures through", () => {
    const stats: QuestionStats = {
      total: 3,
      unanswered: 1,
      top: [{ question: "who mediates", count: 2, unanswered: 1 }],
    };
    const digest = compose({ questionStats: stats });
    expect(digest.questions).toEqual(stats);
  });
});

describe("summarising the question log", () => {
  const record = (normalisedQuestion: string, answered: boolean): QuestionLogRecord => ({
    normalisedQuestion,
    answered,
    entryId: answered ? "e" : null,
    closestEntryId: null,
    confidence: answered ? 0.9 : 0.1,
    at: NOW,
  });

  it("ranks the most asked questions and counts the unanswered", () => {
    const stats = summariseQuestions(
      [
        record("who mediates", false),
        record("when is the next round", true),
        record("who mediates", false),
        record("when is the next round", true),
        record("who mediates", true),
        record("is there a ceasefire", false),
      ],
      2,
    );
    expect(stats).toEqual({
      total: 6,
      unanswered: 3,
      top: [
        { question: "who mediates", count: 3, unanswered: 2 },
        { question: "when is the next round", count: 2, unanswered: 0 },
      ],
    });
  });
});
