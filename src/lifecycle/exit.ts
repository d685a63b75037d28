import type { LogDestination } from "../logging/destination.js";

/**
 * How long the log may take to drain before the process exits. Part of the shutdown's 10 s: a reader
 * that stalled or went away must not hold the exit up, and lines still queued after it are dropped.
 */
export const LOG_DRAIN_MS = 500;

/** Exits with `code` once the log is written out, or after LOG_DRAIN_MS at the latest. */
export function exitAfterLogDrained(
  log: Pick<LogDestination, "flush">,
  exit: (code: number) => void = (code) => process.exit(code),
): (code: number) => void {
  return (code) => {
    void log.flush(LOG_DRAIN_MS).finally(() => exit(code));
  };
}
