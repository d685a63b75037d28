import { webApi } from "@slack/bolt";
import pRetry, { AbortError } from "p-retry";
import type { Logger } from "../logging/logger.js";
import { networkCause } from "./web-api-errors.js";

/** Slack's answers that mean the token itself is no good: no retry can help, a person must act. */
export const TOKEN_REJECTIONS: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "team_disabled",
  "user_removed_from_team",
]);

export type TokenVariable = "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN";

export const SLACK_REACH_MESSAGES = {
  rejected: (variable: TokenVariable, reason: string) =>
    `${variable} was rejected by Slack (${reason}): copy the current token from the app's settings at https://api.slack.com/apps into ${variable}.`,
  unreachable: "Slack's Web API is not reachable; trying again",
  reached: "reached Slack",
} as const;

/** Stops start-up: Slack refused a token, so nothing the app does can work until it is replaced. */
export class SlackTokenRejectedError extends Error {
  constructor(
    readonly variable: TokenVariable,
    readonly reason: string,
  ) {
    super(SLACK_REACH_MESSAGES.rejected(variable, reason));
    this.name = "SlackTokenRejectedError";
  }
}

/** The token refusal in a Web API error, or null when the error says nothing about the token. */
export function tokenRejection(error: unknown, variable: TokenVariable): SlackTokenRejectedError | null {
  if (error instanceof webApi.WebAPIPlatformError && TOKEN_REJECTIONS.has(error.data.error)) {
    return new SlackTokenRejectedError(variable, error.data.error);
  }
  return null;
}

/** Backoff between attempts while Slack cannot be reached. */
export interface ReachPolicy {
  minDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_REACH_POLICY: ReachPolicy = Object.freeze({ minDelayMs: 1_000, maxDelayMs: 30_000 });

export interface SlackReach<T> {
  /**
   * Settles after the first attempt: its value, or null when Slack could not be reached (the
   * attempts go on in the background). Rejects with SlackTokenRejectedError when the token is refused.
   */
  first: Promise<T | null>;
  /** Settles once an attempt succeeds; rejects when a token is refused or the attempts are stopped. */
  reached: Promise<T>;
  /** True once an attempt has succeeded. */
  readonly isReachable: boolean;
}

/**
 * Runs `attempt` (a call to Slack) until it succeeds, with exponential backoff while Slack cannot be
 * reached, so a network outage at start-up delays the app instead of crashing it. A refused token
 * ends the attempts at once: `rejection` says which errors are refusals.
 */
export function reachSlack<T>(options: {
  attempt: () => Promise<T>;
  rejection: (error: unknown) => SlackTokenRejectedError | null;
  /** What is being reached, for the log: "the Web API", "Socket Mode". */
  target: string;
  logger: Pick<Logger, "warn" | "info">;
  signal: AbortSignal;
  policy?: ReachPolicy;
}): SlackReach<T> {
  const policy = options.policy ?? DEFAULT_REACH_POLICY;
  let isReachable = false;
  let settleFirst: (value: T | null) => void = () => undefined;
  let failFirst: (error: unknown) => void = () => undefined;
  const first = new Promise<T | null>((resolve, reject) => {
    settleFirst = resolve;
    failFirst = reject;
  });
  const reached = pRetry(
    async () => {
      try {
        return await options.attempt();
      } catch (error) {
        const rejected = options.rejection(error);
        throw rejected === null ? error : new AbortError(rejected);
      }
    },
    {
      retries: Number.POSITIVE_INFINITY,
      factor: 2,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true,
      signal: options.signal,
      onFailedAttempt: ({ error, attemptNumber }) => {
        const cause = networkCause(error);
        options.logger.warn(
          { target: options.target, attempt: attemptNumber, cause: cause.code, reason: cause.message },
          SLACK_REACH_MESSAGES.unreachable,
        );
        settleFirst(null);
      },
    },
  );
  reached.then((value) => {
    isReachable = true;
    options.logger.info({ target: options.target }, SLACK_REACH_MESSAGES.reached);
    settleFirst(value);
  }, failFirst);
  return {
    first,
    reached,
    get isReachable() {
      return isReachable;
    },
  };
}
