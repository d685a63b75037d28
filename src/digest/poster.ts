import { setTimeout as delay } from "node:timers/promises";
import { webApi } from "@slack/bolt";
import type { SlackMessage } from "../blocks/types.js";
import { networkCause } from "../slack/web-api-errors.js";

/** Slack's answers that mean the channel will not take a digest until someone acts: stop, don't retry. */
export const DISABLING_ERRORS: ReadonlySet<string> = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
]);

/**
 * Connection errors that mean the request never reached Slack, so posting again cannot post twice.
 * Any other request error (a timeout, a connection cut mid-request) leaves it unknown whether Slack
 * took the message.
 */
export const NOT_SENT_ERRORS: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

export type PostOutcome =
  | { kind: "posted"; ts: string }
  /**
   * Sent, but no answer came (a timeout, a cut connection): Slack may have posted it. Retrying could
   * post the digest twice, so the caller counts it as delivered.
   */
  | { kind: "uncertain"; reason: string }
  /** Slack refused for good (one of DISABLING_ERRORS): nothing was posted. */
  | { kind: "disable"; reason: string }
  /**
   * Gave up for now (retries spent, lease running out, stopping, or an error retrying cannot fix).
   * `attempts` 0 means nothing was sent at all.
   */
  | { kind: "failed"; reason: string; attempts: number };

export interface PostOptions {
  /** No attempt may start after this: past it another copy of the app may have taken the claim over. */
  deadline: Date;
  /** Aborted on shutdown: the attempt in flight finishes, no further one starts. */
  signal?: AbortSignal;
}

export interface DigestPoster {
  post(channelId: string, message: SlackMessage, options: PostOptions): Promise<PostOutcome>;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
});

/** Waits `ms`, or rejects early when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal === undefined ? {} : { signal });
};

export interface SlackPosterOptions {
  token: string;
  /** SLACK_API_URL: tests and local fakes. */
  slackApiUrl?: string | null;
  retry?: RetryPolicy;
  /** Each HTTP attempt gives up after this long. */
  requestTimeoutMs?: number;
  now?: () => Date;
  sleep?: Sleep;
}

type Decision = { retryAfterMs: number } | { outcome: PostOutcome };

function decide(error: unknown, attempt: number, retry: RetryPolicy): Decision {
  const failed = (reason: string): PostOutcome => ({ kind: "failed", reason, attempts: attempt });
  const backoff = { retryAfterMs: Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)) };
  if (error instanceof webApi.WebAPIPlatformError) {
    const reason = error.data.error ?? "unknown_error";
    return { outcome: DISABLING_ERRORS.has(reason) ? { kind: "disable", reason } : failed(reason) };
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { retryAfterMs: Math.max(0, error.retryAfter) * 1_000 };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return error.statusCode >= 500 ? backoff : { outcome: failed(`http_${error.statusCode}`) };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    const cause = networkCause(error);
    return NOT_SENT_ERRORS.has(cause.code)
      ? backoff
      : { outcome: { kind: "uncertain", reason: `${cause.code}: ${cause.message}` } };
  }
  return { outcome: failed(error instanceof Error ? error.message : String(error)) };
}

/**
 * Posts digests with chat.postMessage. The WebClient's own retries are off so that every wait is ours:
 * bounded, honouring Retry-After, and never running past the delivery's lease. Only an attempt that
 * surely did not post is retried: a digest posted twice is worse than one whose receipt was lost.
 */
export function createSlackDigestPoster(options: SlackPosterOptions): DigestPoster {
  const retry = options.retry ?? DEFAULT_RETRY;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  // A fresh connection per attempt: a reused one the server had already closed fails like a post cut
  // off mid-way, which would be read as uncertain. Digests are a few posts a day; reuse gains nothing.
  const client = new webApi.WebClient(options.token, {
    ...(options.slackApiUrl == null ? {} : { slackApiUrl: options.slackApiUrl }),
    headers: { connection: "close" },
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.requestTimeoutMs ?? 20_000,
    logLevel: webApi.LogLevel.ERROR,
  });

  return {
    async post(channelId, message, postOptions) {
      let lastReason = "not attempted";
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt += 1) {
        if (postOptions.signal?.aborted === true)
          return { kind: "failed", reason: "stopping", attempts: attempt - 1 };
        try {
          const result = await client.chat.postMessage({
            channel: channelId,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
          return { kind: "posted", ts: result.ts ?? "" };
        } catch (error) {
          const decision = decide(error, attempt, retry);
          if ("outcome" in decision) return decision.outcome;
          lastReason = error instanceof webApi.SlackError ? error.code : "error";
          if (attempt === retry.maxAttempts) break;
          if (now().getTime() + decision.retryAfterMs >= postOptions.deadline.getTime()) {
            return {
              kind: "failed",
              reason: `${lastReason}: the next attempt would outlast the claim`,
              attempts: attempt,
            };
          }
          try {
            await sleep(decision.retryAfterMs, postOptions.signal);
          } catch {
            return { kind: "failed", reason: "stopping", attempts: attempt };
          }
        }
      }
      return {
        kind: "failed",
        reason: `${lastReason} after ${retry.maxAttempts} attempts`,
        attempts: retry.maxAttempts,
      };
    },
  };
}
