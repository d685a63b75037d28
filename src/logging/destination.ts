import type { Writable } from "node:stream";

/**
 * How much may wait for a slow reader before lines are dropped: about a thousand lines at the info
 * level, so a log shipper that pauses for a while loses nothing, and one that stops for good costs
 * the app at most this much memory.
 */
export const LOG_QUEUE_LIMIT_BYTES = 256 * 1024;

export const LOG_DROPPED_MESSAGE = "log lines dropped: nobody was reading the log";

/** Where pino writes: never blocks the event loop, and never holds up an exit. */
export interface LogDestination {
  write(line: string): void;
  /** Lines dropped so far because nobody was reading (the reader stalled or went away). */
  readonly dropped: number;
  /** Resolves once the queued lines are written, the reader is gone, or `timeoutMs` has passed. */
  flush(timeoutMs: number): Promise<void>;
}

function droppedNotice(count: number): string {
  return `${JSON.stringify({ level: "warn", time: Date.now(), msg: LOG_DROPPED_MESSAGE, dropped: count })}\n`;
}

/**
 * Writes log lines to a stream (standard output) through Node's own asynchronous pipe and socket
 * writes, never `writeSync`: pino's default destination writes synchronously and retries EAGAIN and
 * EPIPE forever, so a log reader that stalls or goes away froze the app and its shutdown. Here a
 * stalled reader makes lines queue up to `maxQueuedBytes`, then drop; a reader that went away
 * (EPIPE) makes every later line drop. Drops are counted, and the next line that gets through is
 * preceded by a warning saying how many were lost.
 */
export function createLogDestination(
  stream: Writable,
  options: { maxQueuedBytes?: number } = {},
): LogDestination {
  const maxQueuedBytes = options.maxQueuedBytes ?? LOG_QUEUE_LIMIT_BYTES;
  let dropped = 0;
  let unreported = 0;
  let readerGone = false;
  stream.on("error", () => {
    readerGone = true;
  });

  const accepts = (line: string) =>
    !readerGone && !stream.destroyed && stream.writableLength + line.length <= maxQueuedBytes;

  return {
    write(line) {
      if (!accepts(line)) {
        dropped += 1;
        unreported += 1;
        return;
      }
      if (unreported > 0) {
        stream.write(droppedNotice(unreported));
        unreported = 0;
      }
      stream.write(line);
    },
    get dropped() {
      return dropped;
    },
    flush(timeoutMs) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        };
        const settled = () => readerGone || stream.destroyed || stream.writableLength === 0;
        if (settled()) {
          resolve();
          return;
        }
        const timer = setTimeout(done, timeoutMs);
        const poll = setInterval(() => {
          if (settled()) done();
        }, 10);
      });
    },
  };
}
