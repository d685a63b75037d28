import { describe, expect, it } from "vitest";
import { DIGEST_MESSAGES } from "../../src/digest/messages.js";
import { simulateDigestDays } from "../../src/digest/simulate.js";

describe("ten simulated days of one channel's digest, the data changed on the third", () => {
  it("brings the first digest, nothing while unchanged, the digest on the change, and a note a week later", async () => {
    const simulation = await simulateDigestDays({
      knowledgeDir: "data",
      firstDay: "2026-12-01",
      days: 10,
      changeOnDay: 3,
      cadence: "changes",
      staleAfterDays: 14,
    });
    expect(simulation.days.map((day) => day.kind)).toEqual([
      "digest",
      "skipped",
      "digest",
      ...Array(6).fill("skipped"),
      "notice",
    ]);
    const [first, , changed] = simulation.days;
    expect(JSON.stringify(first?.message?.blocks)).toContain(DIGEST_MESSAGES.firstDigest);
    expect(changed?.dataChange).toMatch(/^accepted the drafted entry/);
    expect(JSON.stringify(changed?.message?.blocks)).toContain(`• ${DIGEST_MESSAGES.added}: `);
    expect(simulation.days.at(-1)?.message?.text).toBe(
      DIGEST_MESSAGES.noNewsSince("2026-12-03", "2025-07-22", "16 months ago"),
    );
    expect(simulation.days.filter((day) => day.message !== null)).toHaveLength(3);
    expect(simulation.status).toContain("Last posted: 10 Dec 2026 (the one-line note).");
  });

  it("posts the full digest every day for a daily channel", async () => {
    const simulation = await simulateDigestDays({
      knowledgeDir: "data",
      firstDay: "2026-12-01",
      days: 4,
      changeOnDay: 3,
      cadence: "daily",
      staleAfterDays: 14,
    });
    expect(simulation.days.map((day) => day.kind)).toEqual(["digest", "digest", "digest", "digest"]);
  });
});
