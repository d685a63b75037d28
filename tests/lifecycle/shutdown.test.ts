import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type GracefulShutdownOptions,
  installGracefulShutdown,
  SHUTDOWN_MESSAGES,
  type SignalSource,
} from "../../src/lifecycle/shutdown.js";

interface Logged {
  level: "info" | "warn" | "error";
  context: Record<string, unknown>;
  message: string;
}

function harness(stop: () => Promise<void>, overrides: Partial<GracefulShutdownOptions> = {}) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const logs: Logged[] = [];
  const record = (level: Logged["level"]) => (context: object, message: string) =>
    logs.push({ level, context: context as Record<string, unknown>, message });
  const dispose = installGracefulShutdown({
    stop,
    logger: { info: record("info"), warn: record("warn"), error: record("error") },
    exit: (code) => exits.push(code),
    signalSource: signals as unknown as SignalSource,
    ...overrides,
  });
  const send = (signal: NodeJS.Signals) => signals.emit(signal, signal);
  return { signals, exits, logs, dispose, send };
}

/** A stop() that finishes only when the test says so. */
function controllableStop() {
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const stop = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { stop, finish: () => finish(), fail: (error: Error) => fail(error) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("installGracefulShutdown", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "on %s stops, then exits 0 only once stop() has finished",
    async (signal) => {
      const control = controllableStop();
      const { exits, logs, send } = harness(control.stop);
      send(signal);
      expect(control.stop).toHaveBeenCalledTimes(1);
      expect(logs[0]).toMatchObject({
        level: "info",
        message: SHUTDOWN_MESSAGES.stopping,
        context: { signal },
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(exits).toEqual([]);
      control.finish();
      await vi.waitFor(() => expect(exits).toEqual([0]));
      expect(logs.at(-1)).toMatchObject({ level: "info", message: SHUTDOWN_MESSAGES.stopped });
    },
  );

  it("exits 1 when stopping outlasts the timeout, and not again when stop() finishes later", async () => {
    vi.useFakeTimers();
    const control = controllableStop();
    const { exits, logs, send } = harness(control.stop, { timeoutMs: 10_000 });
    send("SIGTERM");
    await vi.advanceTimersByTimeAsync(9_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "error", message: SHUTDOWN_MESSAGES.timedOut }),
    );
    control.finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(exits).toEqual([1]);
  });

  it("times out after 10 s by default", async () => {
    vi.useFakeTimers();
    const { exits, send } = harness(() => new Promise<void>(() => undefined));
    send("SIGTERM");
    await vi.advanceTimersByTimeAsync(DEFAULT_SHUTDOWN_TIMEOUT_MS - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(DEFAULT_SHUTDOWN_TIMEOUT_MS).toBe(10_000);
  });

  it("does not leave the timeout running after a clean stop", async () => {
    vi.useFakeTimers();
    const { exits, send } = harness(async () => undefined);
    send("SIGTERM");
    await vi.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("exits 1 and logs the error when stop() fails", async () => {
    const { exits, logs, send } = harness(() => Promise.reject(new Error("database would not close")));
    send("SIGTERM");
    await vi.waitFor(() => expect(exits).toEqual([1]));
    const failed = logs.find((line) => line.message === SHUTDOWN_MESSAGES.failed);
    expect(failed?.level).toBe("error");
    expect((failed?.context.err as Error | undefined)?.message).toBe("database would not close");
  });

  it("a second signal while stopping forces exit 1 at once, without stopping twice", async () => {
    const control = controllableStop();
    const { exits, logs, send } = harness(control.stop);
    send("SIGTERM");
    send("SIGINT");
    expect(control.stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([1]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: SHUTDOWN_MESSAGES.forced,
        context: { signal: "SIGINT" },
      }),
    );
    control.finish();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exits).toEqual([1]);
  });

  it("listens only to the signals it is given, and the disposer removes its handlers", () => {
    const stop = vi.fn(async () => undefined);
    const { signals, send, dispose } = harness(stop, { signals: ["SIGTERM"] });
    expect(signals.listenerCount("SIGTERM")).toBe(1);
    expect(signals.listenerCount("SIGINT")).toBe(0);
    send("SIGINT");
    expect(stop).not.toHaveBeenCalled();
    dispose();
    expect(signals.listenerCount("SIGTERM")).toBe(0);
    send("SIGTERM");
    expect(stop).not.toHaveBeenCalled();
  });

  it("listens to SIGTERM and SIGINT by default", () => {
    const { signals, dispose } = harness(async () => undefined);
    expect(signals.listenerCount("SIGTERM")).toBe(1);
    expect(signals.listenerCount("SIGINT")).toBe(1);
    dispose();
  });
});
