import { describe, expect, it } from "vitest";
import { daysBetween, decidePost, NOTE_EVERY_DAYS } from "../../src/digest/cadence.js";
import type { DigestChanges } from "../../src/digest/compose.js";

const unchanged: DigestChanges = { kind: "unchanged", since: "2025-07-20" };
const changed: DigestChanges = {
  kind: "changed",
  since: "2025-07-20",
  added: [],
  updated: [],
  more: 0,
  removed: 0,
  statusUpdated: true,
  timelineUpdated: false,
};

describe("what a scheduled day brings a channel", () => {
  it("counts whole days between local dates, across months", () => {
    expect(daysBetween("2025-07-20", "2025-07-27")).toBe(7);
    expect(daysBetween("2025-07-30", "2025-08-02")).toBe(3);
    expect(NOTE_EVERY_DAYS).toBe(7);
  });

  it("gives a daily channel the full digest every day, changed or not", () => {
    for (const changes of [unchanged, changed, { kind: "first" } as const]) {
      expect(
        decidePost({ cadence: "daily", changes, lastPostDate: "2025-07-21", localDate: "2025-07-22" }),
      ).toBe("digest");
    }
  });

  it("gives a changes-only channel the digest for its first one and whenever the data changed", () => {
    const base = { cadence: "changes" as const, lastPostDate: "2025-07-21", localDate: "2025-07-22" };
    expect(decidePost({ ...base, changes: { kind: "first" } })).toBe("digest");
    expect(decidePost({ ...base, changes: changed })).toBe("digest");
  });

  it("gives a quiet changes-only channel nothing for six days after its last post, then the one-line note", () => {
    const quiet = (localDate: string) =>
      decidePost({ cadence: "changes", changes: unchanged, lastPostDate: "2025-07-20", localDate });
    expect(["2025-07-21", "2025-07-26"].map(quiet)).toEqual(["nothing", "nothing"]);
    expect(quiet("2025-07-27")).toBe("notice");
    expect(quiet("2025-09-01")).toBe("notice");
  });
});
