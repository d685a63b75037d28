import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

/**
 * Counts work that has been accepted but not finished: a listener answers after its ack, so closing
 * the server is not enough to know that every answer went out.
 */
export interface InFlight {
  /**
   * Bolt global middleware: a request counts from the moment it reaches the listeners until every
   * listener has finished (its answer posted, or its fallback sent).
   */
  readonly middleware: Middleware<AnyMiddlewareArgs>;
  /** Counts any other piece of work (e.g. a console answer) until it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves once nothing is in flight (at once when nothing is). */
  idle(): Promise<void>;
}

export function createInFlight(): InFlight {
  let size = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    size -= 1;
    if (size > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    size += 1;
    return work.finally(settle);
  };

  return {
    middleware: async ({ next }) => {
      await track(next());
    },
    track,
    get size() {
      return size;
    },
    idle() {
      if (size === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
