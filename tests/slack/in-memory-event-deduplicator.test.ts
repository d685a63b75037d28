import { describe, expect, it } from "vitest";
import { InMemoryEventDeduplicator } from "../../src/slack/in-memory-event-deduplicator.js";

describe("InMemoryEventDeduplicator", () => {
  const at = (ms: number) => new Date(1_700_000_000_000 + ms);

  it("claims an event id once within the TTL, and again after it", async () => {
    const dedupe = new InMemoryEventDeduplicator(1_000, 100);
    expect(await dedupe.claim("Ev1", at(0))).toBe(true);
    expect(await dedupe.claim("Ev1", at(999))).toBe(false);
    expect(await dedupe.claim("Ev1", at(1_001))).toBe(true);
  });

  it("stays bounded, forgetting the oldest first", async () => {
    const dedupe = new InMemoryEventDeduplicator(60_000, 3);
    for (const id of ["a", "b", "c", "d"]) await dedupe.claim(id, at(0));
    expect(dedupe.size).toBe(3);
    expect(await dedupe.claim("a", at(1))).toBe(true);
    expect(await dedupe.claim("d", at(1))).toBe(false);
  });

  it("drops expired ids as time passes", async () => {
    const dedupe = new InMemoryEventDeduplicator(1_000, 100);
    for (let i = 0; i < 50; i += 1) await dedupe.claim(`Ev${i}`, at(0));
    await dedupe.claim("late", at(5_000));
    expect(dedupe.size).toBe(1);
  });
});
