import { setImmediate as nextTurn } from "node:timers/promises";

/** Awaited between steps of a long build: gives the event loop a turn once the slice's time is up. */
export type Pause = () => Promise<void>;

/**
 * How long a build may hold the event loop before it lets requests through. A reload of 10,000 entries
 * takes seconds of work; in slices this short, a request waits for one slice, a garbage collection and
 * its own turns, well under 100 ms (`npm run bench -- reload`: the event loop held at most 35–57 ms,
 * acks p99 28–30 ms and at most 51–73 ms, over two runs each).
 */
export const SLICE_MS = 8;

/** For a build nothing waits on (at start-up, in a CLI): it runs at full speed. */
export const NO_PAUSE: Pause = async () => undefined;

/**
 * A pause that yields (one turn of the event loop: I/O and timers run) once `budgetMs` have passed since
 * the last turn, and otherwise returns at once. One per build, awaited between its steps.
 */
export function timeSlices(budgetMs = SLICE_MS): Pause {
  let sliceStarted = performance.now();
  return async () => {
    if (performance.now() - sliceStarted < budgetMs) return;
    await nextTurn();
    sliceStarted = performance.now();
  };
}
