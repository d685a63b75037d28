import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DeliveredInput, DigestSubscription, Storage } from "../storage/types.js";
import type { DigestBuilder } from "./build.js";
import { type DigestPoster, realSleep, type Sleep } from "./poster.js";
import { dueLocalDate } from "./time.js";

/** Long enough for a post with its retries; short enough that a crashed copy's digest is not late by much. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Posting stops this long before the lease ends, so a slow last attempt cannot overlap a takeover. */
export const DEFAULT_LEASE_MARGIN_MS = 30_000;

/** Structurally a subset of pino's Logger, so the app's logger fits and tests can record. */
export interface SchedulerLogger {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

export interface SchedulerTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DigestSchedulerOptions {
  storage: Storage;
  poster: DigestPoster;
  buildDigest: DigestBuilder;
  logger: SchedulerLogger;
  /** DIGEST_CHECK_SECONDS */
  checkEverySeconds: number;
  /** Names this copy of the app in claims; unique per process. */
  instanceId?: string;
  leaseMs?: number;
  leaseMarginMs?: number;
  now?: () => Date;
  timers?: SchedulerTimers;
  /** Waits between attempts to record a delivery when the database hiccups. */
  sleep?: Sleep;
  /** QUESTION_LOG_DAYS: checks also prune older questions and feedback (at most hourly). */
  questionLogDays?: number;
}

export type DeliveryResult =
  | { channelId: string; localDate: string; result: "delivered"; ts: string }
  /** A "changes only" channel whose data had not changed: nothing posted, and the day is settled. */
  | { channelId: string; localDate: string; result: "skipped" }
  | { channelId: string; localDate: string; result: "disabled"; reason: string }
  | { channelId: string; localDate: string; result: "failed"; reason: string };

export interface DigestScheduler {
  readonly instanceId: string;
  /** Checks every `checkEverySeconds` from now on. */
  start(): void;
  /** One check at `now` (default: the clock): delivers every due digest this copy can claim. */
  tick(now?: Date): Promise<DeliveryResult[]>;
  /** Stops checking and waits for a delivery in progress (its post and its record) to finish. */
  stop(): Promise<void>;
}

const MARK_ATTEMPTS = 3;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 60 * 60_000;

const defaultTimers: SchedulerTimers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Delivers daily digests (or, for "changes only" channels, the weekly note, or nothing). Every copy of the app runs one; the database decides which copy posts: a
 * copy claims (channel, local date) with a lease before posting and records the delivery after Slack
 * accepts it, so a digest is posted once per channel per local day however many copies run or restart.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { storage, poster, logger } = options;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const leaseMarginMs = Math.min(options.leaseMarginMs ?? DEFAULT_LEASE_MARGIN_MS, leaseMs / 2);
  const clock = options.now ?? (() => new Date());
  const timers = options.timers ?? defaultTimers;
  const sleep = options.sleep ?? realSleep;
  const stopping = new AbortController();
  let interval: unknown = null;
  let running: Promise<DeliveryResult[]> | null = null;
  let prunedAt: number | null = null;

  /** Housekeeping rides on the same clock: a team's questions are kept no longer than configured. */
  async function prune(now: Date): Promise<void> {
    if (options.questionLogDays === undefined) return;
    if (prunedAt !== null && now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    try {
      const removed = await storage.pruneQuestionLog(
        new Date(now.getTime() - options.questionLogDays * DAY_MS),
      );
      prunedAt = now.getTime();
      if (removed > 0) logger.info({ removed, days: options.questionLogDays }, "question log pruned");
    } catch (error) {
      logger.error({ instanceId, err: error }, "question log not pruned: storage unavailable");
    }
  }

  /**
   * Posts Slack accepted but the database did not record (it was lost at that moment). Kept so this
   * copy neither posts them again nor forgets them: recorded as soon as the database answers.
   */
  const unrecorded = new Map<string, DeliveredInput>();

  /** False when the row was no longer a claim: another copy recorded its own post of this digest. */
  async function recordDelivered(input: DeliveredInput): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await storage.markDelivered(input);
      } catch (error) {
        if (attempt >= MARK_ATTEMPTS) throw error;
        await sleep(1_000 * attempt).catch(() => undefined);
      }
    }
  }

  async function recordUnrecorded(): Promise<void> {
    for (const [key, input] of unrecorded) {
      try {
        await storage.markDelivered(input);
        unrecorded.delete(key);
        logger.info(
          { channelId: input.channelId, localDate: input.localDate },
          "digest delivery recorded late",
        );
      } catch {
        return;
      }
    }
  }

  async function deliver(
    subscription: DigestSubscription,
    localDate: string,
    now: Date,
  ): Promise<DeliveryResult | null> {
    const { channelId } = subscription;
    const context = { channelId, localDate, instanceId };
    if (unrecorded.has(`${channelId}|${localDate}`)) return null;
    const existing = await storage.getDelivery(channelId, localDate);
    if (existing?.state === "delivered") return null;
    if (existing !== null && existing.leaseUntil.getTime() > now.getTime()) return null;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    if (!(await storage.claimDelivery({ channelId, localDate, instanceId, leaseUntil, now }))) return null;

    let built: Awaited<ReturnType<DigestBuilder>>;
    try {
      built = await options.buildDigest(
        {
          teamId: subscription.teamId,
          channelId,
          timeZone: subscription.timeZone,
          cadence: subscription.cadence,
        },
        now,
      );
    } catch (error) {
      await storage.releaseClaim({ channelId, localDate, instanceId });
      logger.error({ ...context, err: error }, "digest could not be composed");
      return { channelId, localDate, result: "failed", reason: (error as Error).message };
    }

    if (built.message === null) {
      // Settled under the claim like a post, so no other copy (nor this one, a minute later) decides
      // the day again. Should the record fail, the claim's lease runs out and the day is decided anew:
      // nothing was posted, so nothing can be posted twice.
      await recordDelivered({
        channelId,
        localDate,
        kind: "skipped",
        deliveredAt: clock(),
        messageTs: "",
        entryFingerprints: built.entryFingerprints,
      });
      logger.info({ ...context, lastPostDate: built.lastPostDate }, "digest skipped: nothing new");
      return { channelId, localDate, result: "skipped" };
    }

    const outcome = await poster.post(channelId, built.message, {
      deadline: new Date(leaseUntil.getTime() - leaseMarginMs),
      signal: stopping.signal,
    });
    if (outcome.kind === "uncertain") {
      logger.warn(
        { ...context, reason: outcome.reason },
        "digest sent but Slack did not confirm it; counted as delivered so it is not posted twice",
      );
    }
    switch (outcome.kind) {
      case "posted":
      case "uncertain": {
        // Slack's ts is unknown when it did not answer; the row still says the digest went out.
        const ts = outcome.kind === "posted" ? outcome.ts : "";
        const delivered: DeliveredInput = {
          channelId,
          localDate,
          kind: built.post === "notice" ? "notice" : "digest",
          deliveredAt: clock(),
          messageTs: ts,
          entryFingerprints: built.entryFingerprints,
        };
        try {
          if (!(await recordDelivered(delivered))) {
            logger.warn({ ...context, ts }, "digest posted, but another copy had already recorded it");
          }
        } catch (error) {
          unrecorded.set(`${channelId}|${localDate}`, delivered);
          logger.error(
            { ...context, ts, err: error },
            "digest posted but not yet recorded: storage unavailable",
          );
        }
        logger.info({ ...context, ts, post: built.post }, "digest delivered");
        return { channelId, localDate, result: "delivered", ts };
      }
      case "disable":
        await storage.disableSubscription(channelId, outcome.reason);
        await storage.releaseClaim({ channelId, localDate, instanceId });
        logger.warn(
          { ...context, reason: outcome.reason },
          "digest subscription disabled: Slack refused the channel",
        );
        return { channelId, localDate, result: "disabled", reason: outcome.reason };
      case "failed":
        if (outcome.attempts === 0) {
          // Nothing reached Slack (stopping before the first attempt): let any copy take it at once.
          await storage.releaseClaim({ channelId, localDate, instanceId });
          return { channelId, localDate, result: "failed", reason: outcome.reason };
        }
        // Something may have reached Slack, so the claim stays: once its lease runs out, any copy
        // retries (the same local day only).
        logger.warn(
          { ...context, reason: outcome.reason, retryAfter: leaseUntil },
          "digest not delivered yet",
        );
        return { channelId, localDate, result: "failed", reason: outcome.reason };
    }
  }

  async function check(now: Date): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    await recordUnrecorded();
    let subscriptions: DigestSubscription[];
    try {
      subscriptions = await storage.listSubscriptions({ enabledOnly: true });
    } catch (error) {
      logger.error({ instanceId, err: error }, "digest check skipped: storage unavailable");
      return results;
    }
    for (const subscription of subscriptions) {
      if (stopping.signal.aborted) break;
      let localDate: string | null;
      try {
        localDate = dueLocalDate(subscription, now);
      } catch (error) {
        logger.error(
          { channelId: subscription.channelId, err: error },
          "digest subscription has a bad time zone",
        );
        continue;
      }
      if (localDate === null) continue;
      try {
        const result = await deliver(subscription, localDate, now);
        if (result !== null) results.push(result);
      } catch (error) {
        logger.error(
          { channelId: subscription.channelId, localDate, instanceId, err: error },
          "digest delivery failed",
        );
      }
    }
    if (!stopping.signal.aborted) await prune(now);
    return results;
  }

  function tick(now: Date = clock()): Promise<DeliveryResult[]> {
    const previous = running ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(() => (stopping.signal.aborted ? [] : check(now)));
    running = next;
    next
      .finally(() => {
        if (running === next) running = null;
      })
      .catch(() => undefined);
    return next;
  }

  return {
    instanceId,
    start() {
      if (interval !== null || stopping.signal.aborted) return;
      interval = timers.setInterval(() => {
        // A slow check must not pile up behind itself: skip the beat instead.
        if (running === null) void tick();
      }, options.checkEverySeconds * 1_000);
    },
    tick,
    async stop() {
      if (interval !== null) timers.clearInterval(interval);
      interval = null;
      stopping.abort();
      await running?.catch(() => undefined);
    },
  };
}
