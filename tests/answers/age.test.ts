import { describe, expect, it } from "vitest";
import { ageLine, describeAge, formatDate } from "../../src/answers/age.js";

describe("information age", () => {
  it("formats dates the way people read them", () => {
    expect(formatDate("2025-07-22")).toBe("22 Jul 2025");
    expect(formatDate("2022-11")).toBe("Nov 2022");
  });

  it("says how many whole months old the information is", () => {
    const age = describeAge("2025-07-22", new Date("2026-11-26T12:00:00Z"));
    expect(age.ago).toBe("16 months ago");
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

  it("leaves fresh information without an age warning", () => {
    const now = new Date("2025-07-30T00:00:00Z");
    expect(describeAge("2025-07-22", now).stale).toBe(false);
    expect(ageLine("2025-07-22", now)).toBe("As of 22 Jul 2025");
    expect(describeAge("2025-07-22", new Date("2025-07-22T08:00:00Z")).ago).toBe("today");
  });
});
