/**
 * Gathers small writes made on every request and commits them together, so a busy bot pays for one
 * transaction every few milliseconds instead of one per request (each commit writes whole pages to
 * the WAL, and on SQLite it blocks the event loop the slash-command acks share).
 *
 * `add` resolves once its item is committed, or rejects with the write's error: callers awaiting it
 * see the same guarantees as a direct write, only a little later. `flush` commits at once; reads and
 * `close` call it first so nothing buffered is missed or lost.
 */
export interface WriteBatcher<T> {
  add(item: T): Promise<void>;
  /** Commits everything waiting now. Errors reach the `add` callers, not the caller of `flush`. */
  flush(): void;
  /** Items added and not yet committed. */
  readonly pending: number;
}

export interface WriteBatcherOptions<T> {
  /** Writes all of `items` in one transaction, synchronously; throws to fail them all. */
  write(items: readonly T[]): void;
  /** How long the first item of a batch may wait for others. */
  windowMs: number;
  /** A batch this large is committed without waiting out the window. */
  maxBatch: number;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createWriteBatcher<T>(options: WriteBatcherOptions<T>): WriteBatcher<T> {
  if (!(options.windowMs >= 0) || !(options.maxBatch >= 1)) {
    throw new RangeError("windowMs must be ≥ 0 and maxBatch ≥ 1");
  }
  let waiting: Waiting<T>[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    try {
      options.write(batch.map((entry) => entry.item));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    for (const entry of batch) entry.resolve();
  };

  return {
    add(item) {
      const committed = new Promise<void>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
      });
      if (waiting.length >= options.maxBatch) {
        flush();
      } else if (timer === undefined) {
        // Not unref'd: a process that finishes its work waits out the window rather than lose the batch.
        timer = setTimeout(flush, options.windowMs);
      }
      return committed;
    },
    flush,
    get pending() {
      return waiting.length;
    },
  };
}
