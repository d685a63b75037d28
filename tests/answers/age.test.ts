import { describe, expect, it } from "vitest";
import {
  ageLine,
  DEFAULT_STALE_AFTER_DAYS,
  describeAge,
  formatDate,
  formatLongDate,
  passedEventLine,
  staleLine,
} from "../../src/answers/age.js";
import { answerNotices } from "../../src/answers/freshness.js";
import { AGE_TEXT } from "../../src/answers/messages.js";
import { ANSWERED, DECLINED, makeKnowledgeBase } from "../helpers/knowledge.js";

const LATE = new Date("2026-11-30T12:00:00Z");
const READ_LATE = { now: LATE, staleAfterDays: DEFAULT_STALE_AFTER_DAYS };

describe("information age", () => {
  it("formats dates the way people read them", () => {
    expect(formatDate("2025-07-22")).toBe("22 Jul 2025");
    expect(formatDate("2022-11")).toBe("Nov 2022");
    expect(formatLongDate("2025-07-23")).toBe("23 July 2025");
  });

  it("says how many whole months old the information is", () => {
    const age = describeAge("2025-07-22", new Date("2026-11-26T12:00:00Z"));
    expect(age.ago).toBe("16 months ago");
    expect(age.span).toBe("16 months");
    expect(age.stale).toBe(true);
    expect(ageLine("2025-07-22", new Date("2026-11-26T12:00:00Z"))).toBe("As of 22 Jul 2025 — 16 months ago");
  });

  it("does not count a month until its day has come round", () => {
    expect(describeAge("2025-07-22", new Date("2025-08-21T00:00:00Z")).ago).toBe("30 days ago");
    expect(describeAge("2025-07-22", new Date("2025-08-22T00:00:00Z")).ago).toBe("1 month ago");
  });

  it("switches to years after two years", () => {
    expect(describeAge("2025-07-22", new Date("2027-08-01T00:00:00Z")).ago).toBe("2 years ago");
  });

  it("is stale once older than STALE_AFTER_DAYS (14 unless configured), not on the day itself", () => {
    expect(DEFAULT_STALE_AFTER_DAYS).toBe(14);
    expect(describeAge("2025-07-22", new Date("2025-08-05T12:00:00Z")).stale).toBe(false);
    expect(describeAge("2025-07-22", new Date("2025-08-06T12:00:00Z")).stale).toBe(true);
    expect(describeAge("2025-07-22", new Date("2025-08-06T12:00:00Z"), 30).stale).toBe(false);
    expect(describeAge("2025-07-22", new Date("2025-07-22T08:00:00Z")).ago).toBe("today");
  });
});

describe("the line stale information opens with", () => {
  it("gives the date and the age, and that nothing newer is in the data", () => {
    expect(staleLine("2025-07-22", "2025-07-22", READ_LATE)).toBe(
      "From 22 Jul 2025 — 16 months old; nothing newer in the data.",
    );
  });

  it("says so when the data holds a newer document", () => {
    expect(staleLine("2025-07-22", "2026-02-01", READ_LATE)).toBe(
      AGE_TEXT.staleNewerExists("22 Jul 2025", "16 months", "1 Feb 2026"),
    );
  });

  it("is absent while the information is fresh", () => {
    expect(
      staleLine("2025-07-22", "2025-07-22", { now: new Date("2025-07-30T00:00:00Z"), staleAfterDays: 14 }),
    ).toBe(null);
  });
});

describe("a scheduled event whose date has passed", () => {
  const event = { date: "2025-07-23", label: "The third round of negotiations in Istanbul" };

  it("is said to have passed, worked out from the clock, with nothing later in the data", () => {
    expect(passedEventLine(event, "2025-07-22", LATE)).toBe(
      "The third round of negotiations in Istanbul was scheduled for 23 Jul 2025 — that date has passed; the data has nothing later.",
    );
  });

  it("is not flagged on its own day or before", () => {
    expect(passedEventLine(event, "2025-07-22", new Date("2025-07-23T23:59:00Z"))).toBeNull();
    expect(passedEventLine(event, "2025-07-22", new Date("2025-07-22T12:00:00Z"))).toBeNull();
    expect(passedEventLine(event, "2025-07-22", new Date("2025-07-24T00:00:00Z"))).not.toBeNull();
  });

  it("points to the newer document when the data has one after the event", () => {
    expect(passedEventLine(event, "2025-08-02", LATE)).toBe(
      AGE_TEXT.eventPassedNewerExists(event.label, "23 Jul 2025", "2 Aug 2025"),
    );
  });
});

describe("answerNotices", () => {
  const kb = makeKnowledgeBase();

  it("opens a stale answer about a passed event with both lines, in that order", () => {
    expect(answerNotices(kb, ANSWERED, READ_LATE)).toEqual([
      AGE_TEXT.staleNothingNewer("22 Jul 2025", "16 months"),
      AGE_TEXT.eventPassedNothingLater("The third round in Istanbul", "23 Jul 2025"),
    ]);
  });

  it("says only that the date passed while the answer is still fresh", () => {
    const read = { now: new Date("2025-07-25T12:00:00Z"), staleAfterDays: 14 };
    expect(answerNotices(kb, ANSWERED, read)).toEqual([
      AGE_TEXT.eventPassedNothingLater("The third round in Istanbul", "23 Jul 2025"),
    ]);
  });

  it("has nothing to say about a decline", () => {
    expect(answerNotices(kb, DECLINED, READ_LATE)).toEqual([]);
  });
});
