import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogDestination, LOG_DROPPED_MESSAGE } from "../../src/logging/destination.js";

/** A stand-in for the log's reader: takes chunks at once, or holds them while stalled. */
function reader() {
  const received: string[] = [];
  let stalled = false;
  let held: (() => void)[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received.push(chunk);
      if (stalled) held.push(done);
      else done();
    },
  });
  return {
    stream,
    received,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      const waiting = held;
      held = [];
      for (const done of waiting) done();
    },
  };
}

const line = (n: number) => `${JSON.stringify({ level: "info", msg: `line ${n}` })}\n`;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the log destination", () => {
  it("passes every line on while the reader keeps up", async () => {
    const target = reader();
    const log = createLogDestination(target.stream, { maxQueuedBytes: 1_000 });
    for (let n = 0; n < 100; n += 1) log.write(line(n));
    await log.flush(1_000);
    expect(target.received).toHaveLength(100);
    expect(log.dropped).toBe(0);
  });

  it("queues for a stalled reader up to its limit, then drops and counts, and reports the drop later", async () => {
    const target = reader();
    const log = createLogDestination(target.stream, { maxQueuedBytes: 200 });
    target.stall();
    for (let n = 0; n < 50; n += 1) log.write(line(n));
    const kept = target.stream.writableLength;
    expect(kept).toBeLessThanOrEqual(200);
    expect(log.dropped).toBeGreaterThan(40);

    target.resume();
    await tick();
    log.write(line(99));
    await log.flush(1_000);
    const lines = target.received
      .join("")
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text));
    const notice = lines.at(-2);
    expect(notice).toMatchObject({ level: "warn", msg: LOG_DROPPED_MESSAGE, dropped: log.dropped });
    expect(lines.at(-1)).toMatchObject({ msg: "line 99" });
  });

  it("drops and counts every line once the reader is gone, without throwing", async () => {
    const target = reader();
    const log = createLogDestination(target.stream);
    target.stream.destroy(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    await tick();
    expect(() => log.write(line(1))).not.toThrow();
    log.write(line(2));
    expect(log.dropped).toBe(2);
    await expect(log.flush(1_000)).resolves.toBeUndefined();
  });

  it("gives up waiting for a stalled reader when the flush's time is up", async () => {
    const target = reader();
    const log = createLogDestination(target.stream);
    target.stall();
    log.write(line(1));
    log.write(line(2));
    const started = performance.now();
    await log.flush(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
