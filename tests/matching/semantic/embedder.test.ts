import { describe, expect, it } from "vitest";
import { loadSentenceEncoder } from "../../../src/matching/semantic/embedder.js";

describe("loadSentenceEncoder", () => {
  it("leaves the process's crash handlers as they were (its runtime adds some that rethrow)", async () => {
    const before = {
      exception: process.listeners("uncaughtException"),
      rejection: process.listeners("unhandledRejection"),
    };
    await loadSentenceEncoder();
    expect(process.listeners("uncaughtException")).toEqual(before.exception);
    expect(process.listeners("unhandledRejection")).toEqual(before.rejection);
  });

  it("embeds texts as unit vectors whose dot product follows their meaning", async () => {
    const encoder = await loadSentenceEncoder();
    const [ceasefire, truce, pasta] = await encoder.embed([
      "is there a ceasefire",
      "has a truce been agreed",
      "how do I cook pasta",
    ]);
    const dot = (a: ArrayLike<number> = [], b: ArrayLike<number> = []) =>
      Array.from(a).reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
    expect(dot(ceasefire, ceasefire)).toBeCloseTo(1, 4);
    expect(dot(ceasefire, truce)).toBeGreaterThan(dot(ceasefire, pasta));
  });
});
