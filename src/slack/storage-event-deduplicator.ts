import type { Storage } from "../storage/types.js";
import { InMemoryEventDeduplicator } from "./in-memory-event-deduplicator.js";
import type { EventDeduplicator } from "./types.js";

/** Old claims are cleared at most this often, riding on the claims themselves. */
export const EVENT_PRUNE_EVERY_MS = 60 * 60_000;

export const EVENT_DEDUPE_MESSAGES = {
  claimFailed: "could not check the store for a redelivered event; answering anyway",
  pruneFailed: "could not prune handled events from the store",
} as const;

/** Structurally a subset of pino's Logger. */
export interface DeduplicatorLogger {
  warn(context: object, message: string): void;
}

/**
 * Claims each Events API delivery in the shared store, so when several copies of the app run, a
 * redelivery that reaches another copy is still answered once. Redeliveries to this copy are caught
 * in memory first, which also covers them while the store is down. When the store cannot be asked,
 * the event is answered: a rare double answer is better than a question left unanswered.
 */
export function createStorageEventDeduplicator(options: {
  storage: Pick<Storage, "claimEvent" | "pruneEvents">;
  logger: DeduplicatorLogger;
}): EventDeduplicator {
  const { storage, logger } = options;
  const local = new InMemoryEventDeduplicator();
  let prunedAt: number | null = null;

  async function pruneNow(now: Date): Promise<void> {
    if (prunedAt !== null && now.getTime() - prunedAt < EVENT_PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    try {
      await storage.pruneEvents(now);
    } catch (error) {
      logger.warn({ err: error }, EVENT_DEDUPE_MESSAGES.pruneFailed);
    }
  }

  return {
    async claim(eventId, now) {
      if (!(await local.claim(eventId, now))) return false;
      try {
        const claimed = await storage.claimEvent(eventId, now);
        await pruneNow(now);
        return claimed;
      } catch (error) {
        logger.warn({ err: error, eventId }, EVENT_DEDUPE_MESSAGES.claimFailed);
        return true;
      }
    },
  };
}
