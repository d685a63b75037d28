import { describe, expect, it } from "vitest";
import { embedInBatches, loadSentenceEncoder } from "../../../src/matching/semantic/embedder.js";

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

describe("embedInBatches", () => {
  /** A fake model that records each call's texts and gives each text a vector holding its length. */
  function recordingModel() {
    const calls: string[][] = [];
    const embedBatch = async (batch: string[]) => {
      calls.push(batch);
      return batch.map((text) => Float32Array.of(text.length));
    };
    return { calls, embedBatch };
  }

  const texts = [
    "a".repeat(40),
    "b".repeat(190),
    "c".repeat(12),
    "d".repeat(35),
    "e".repeat(70),
    "f".repeat(30),
  ];

  it("gives each text its own vector, in the texts' order", async () => {
    const { embedBatch } = recordingModel();
    const vectors = await embedInBatches(texts, 64, embedBatch);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((text) => text.length));
  });

  it("puts texts of like length in a call: none over twice its call's shortest, at most `size` a call", async () => {
    const { calls, embedBatch } = recordingModel();
    await embedInBatches(texts, 64, embedBatch);
    // The long message is embedded alone, not with the short questions it would slow down.
    expect(calls.map((call) => call.map((text) => text.length))).toEqual([[12], [30, 35, 40], [70], [190]]);
    const small = recordingModel();
    await embedInBatches(
      Array.from({ length: 5 }, (_, index) => `question ${index}`),
      2,
      small.embedBatch,
    );
    expect(small.calls.map((call) => call.length)).toEqual([2, 2, 1]);
  });

  it("awaits the pause between calls, never before the first", async () => {
    const events: string[] = [];
    await embedInBatches(
      ["one", "two", "three"],
      1,
      async (batch) => {
        events.push(`embed ${batch.join(",")}`);
        return batch.map(() => Float32Array.of(0));
      },
      async () => {
        events.push("pause");
      },
    );
    expect(events).toEqual(["embed one", "pause", "embed two", "pause", "embed three"]);
  });

  it("embeds nothing for no texts", async () => {
    const { calls, embedBatch } = recordingModel();
    expect(await embedInBatches([], 64, embedBatch)).toEqual([]);
    expect(calls).toEqual([]);
  });
});
