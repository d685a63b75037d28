import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWriteBatcher } from "../../src/storage/write-batcher.js";

describe("write batcher", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function recordingBatcher(options: { windowMs?: number; maxBatch?: number; failFirst?: boolean } = {}) {
    const writes: string[][] = [];
    let failures = options.failFirst === true ? 1 : 0;
    const batcher = createWriteBatcher<string>({
      windowMs: options.windowMs ?? 100,
      maxBatch: options.maxBatch ?? 10,
      write(items) {
        if (failures > 0) {
          failures -= 1;
          throw new Error("disk full");
        }
        writes.push([...items]);
      },
    });
    return { batcher, writes };
  }

  it("commits the items added within one window in a single write, then resolves each add", async () => {
    const { batcher, writes } = recordingBatcher();
    const settled: string[] = [];
    const adds = ["a", "b", "c"].map((item) => batcher.add(item).then(() => settled.push(item)));
    await vi.advanceTimersByTimeAsync(99);
    expect(writes).toEqual([]);
    expect(settled).toEqual([]);
    expect(batcher.pending).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(adds);
    expect(writes).toEqual([["a", "b", "c"]]);
    expect(settled).toEqual(["a", "b", "c"]);
    expect(batcher.pending).toBe(0);
  });

  it("starts a new window for items added after a commit", async () => {
    const { batcher, writes } = recordingBatcher();
    const first = batcher.add("a");
    await vi.advanceTimersByTimeAsync(100);
    await first;
    const second = batcher.add("b");
    await vi.advanceTimersByTimeAsync(100);
    await second;
    expect(writes).toEqual([["a"], ["b"]]);
  });

  it("commits a full batch at once without waiting out the window", async () => {
    const { batcher, writes } = recordingBatcher({ maxBatch: 2 });
    const adds = [batcher.add("a"), batcher.add("b")];
    expect(writes).toEqual([["a", "b"]]);
    await Promise.all(adds);
    const third = batcher.add("c");
    expect(writes).toEqual([["a", "b"]]);
    await vi.advanceTimersByTimeAsync(100);
    await third;
    expect(writes).toEqual([["a", "b"], ["c"]]);
  });

  it("commits on flush, and the window's timer then writes nothing more", async () => {
    const { batcher, writes } = recordingBatcher();
    const add = batcher.add("a");
    batcher.flush();
    await add;
    expect(writes).toEqual([["a"]]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toEqual([["a"]]);
    batcher.flush();
    expect(writes).toEqual([["a"]]);
  });

  it("rejects every add of a failed batch with the write's error, and keeps serving later ones", async () => {
    const { batcher, writes } = recordingBatcher({ failFirst: true });
    const failed = [batcher.add("a"), batcher.add("b")].map((add) =>
      add.then(
        () => "committed",
        (error: Error) => error.message,
      ),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(await Promise.all(failed)).toEqual(["disk full", "disk full"]);
    const later = batcher.add("c");
    await vi.advanceTimersByTimeAsync(100);
    await expect(later).resolves.toBeUndefined();
    expect(writes).toEqual([["c"]]);
  });

  it("refuses a window or batch size that cannot work", () => {
    const write = () => undefined;
    expect(() => createWriteBatcher({ write, windowMs: -1, maxBatch: 1 })).toThrow(RangeError);
    expect(() => createWriteBatcher({ write, windowMs: 10, maxBatch: 0 })).toThrow(RangeError);
    expect(() => createWriteBatcher({ write, windowMs: Number.NaN, maxBatch: 1 })).toThrow(RangeError);
  });
});
