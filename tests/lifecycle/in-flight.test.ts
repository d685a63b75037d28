import { describe, expect, it } from "vitest";
import { createInFlight } from "../../src/lifecycle/in-flight.js";

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  return done;
};

describe("createInFlight", () => {
  it("is idle at once when nothing is in flight", async () => {
    expect(await settled(createInFlight().idle())).toBe(true);
  });

  it("becomes idle only when every tracked piece of work has settled, failures included", async () => {
    const inFlight = createInFlight();
    const first = deferred();
    const second = deferred();
    void inFlight.track(first.promise);
    inFlight.track(second.promise).catch(() => undefined);
    expect(inFlight.size).toBe(2);
    const idle = inFlight.idle();
    first.resolve();
    expect(await settled(idle)).toBe(false);
    second.reject(new Error("post failed"));
    expect(await settled(idle)).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it("passes the work's result and error through", async () => {
    const inFlight = createInFlight();
    expect(await inFlight.track(Promise.resolve(42))).toBe(42);
    await expect(inFlight.track(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });

  it("as Bolt middleware, counts a request until its listeners finish", async () => {
    const inFlight = createInFlight();
    const listener = deferred();
    const middleware = inFlight.middleware as unknown as (args: {
      next: () => Promise<void>;
    }) => Promise<void>;
    const running = middleware({ next: () => listener.promise });
    expect(inFlight.size).toBe(1);
    const idle = inFlight.idle();
    expect(await settled(idle)).toBe(false);
    listener.resolve();
    await running;
    expect(await settled(idle)).toBe(true);
  });
});
