/**
 * Everything the bot remembers. One interface; SQLite (default) and PostgreSQL implement it, and an
 * in-memory one serves tests and the local console.
 */

export interface FeedbackRecord {
  /** The entry the answer came from; null when the bot declined. */
  entryId: string | null;
  helpful: boolean;
  normalisedQuestion: string;
  at: Date;
}

/** One asked question. No user or channel ids: a team's questions are theirs. */
export interface QuestionLogRecord {
  /** The workspace it was asked in, so a digest counts only its own workspace's questions. */
  teamId?: string | null;
  normalisedQuestion: string;
  /** The entry answered, or, when declined, null. */
  entryId: string | null;
  /** The entry the matcher came closest to, even when it declined (for the curator report). */
  closestEntryId: string | null;
  confidence: number;
  answered: boolean;
  at: Date;
}

/**
 * How often a channel hears from the digest: "changes" posts on a scheduled day only when the data
 * changed since the channel's previous digest, otherwise a one-line note at most once a week; "daily"
 * posts the full digest every day.
 */
export type DigestCadence = "changes" | "daily";

export const DIGEST_CADENCES: readonly DigestCadence[] = ["changes", "daily"];

/** What a new subscription gets, and what subscriptions made before the choice existed were given. */
export const DEFAULT_DIGEST_CADENCE: DigestCadence = "changes";

/**
 * What a (channel, local date) row records once done: the full digest posted, the one-line note
 * posted, or nothing posted because nothing had changed (decided once, so the day is not re-decided).
 */
export type DeliveryKind = "digest" | "notice" | "skipped";

/** The kinds that put a message in the channel. */
export const POSTED_KINDS: readonly DeliveryKind[] = ["digest", "notice"];

export interface DigestSubscription {
  teamId: string;
  channelId: string;
  /** Local time of day, "HH:MM". */
  time: string;
  /** IANA zone, e.g. "Europe/Kyiv". */
  timeZone: string;
  cadence: DigestCadence;
  enabled: boolean;
  /** Why delivery stopped (e.g. "not_in_channel"); null while enabled. */
  disabledReason: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface DigestDelivery {
  channelId: string;
  /** The subscription's local date the digest is for, "YYYY-MM-DD". */
  localDate: string;
  state: "claimed" | "delivered";
  /** Once delivered: what was posted, if anything. "digest" while only claimed. */
  kind: DeliveryKind;
  /** Who holds the claim (process id), and until when. */
  claimedBy: string;
  leaseUntil: Date;
  deliveredAt: Date | null;
  /** Slack's ts of the posted message. */
  messageTs: string | null;
  /**
   * Fingerprints of the data at delivery (entries by id, and the status card and timeline), so the
   * next digest can say what changed.
   */
  entryFingerprints: Record<string, string> | null;
}

export interface FeedbackStore {
  recordFeedback(record: FeedbackRecord): Promise<void>;
}

export interface QuestionLog {
  logQuestion(record: QuestionLogRecord): Promise<void>;
}

/** `/talks digest on`: a channel's subscription, created or replaced (and re-enabled). */
export interface SubscribeInput {
  teamId: string;
  channelId: string;
  time: string;
  timeZone: string;
  /** Null keeps the channel's current choice (the default for a new subscription). */
  cadence: DigestCadence | null;
  createdBy: string;
  now: Date;
}

export interface ClaimInput {
  channelId: string;
  localDate: string;
  instanceId: string;
  leaseUntil: Date;
  now: Date;
}

export interface DeliveredInput {
  channelId: string;
  localDate: string;
  kind: DeliveryKind;
  deliveredAt: Date;
  messageTs: string;
  entryFingerprints: Record<string, string>;
}

export interface ReleaseInput {
  channelId: string;
  localDate: string;
  instanceId: string;
}

/** Which entries answered the most questions: what the agent view suggests asking. */
export interface MostAskedQuery {
  since: Date;
  /** One workspace's questions only. */
  teamId: string;
  limit: number;
}

export interface EntryCount {
  entryId: string;
  count: number;
}

/** What the curator report reads from the store. */
export interface ReportRecords {
  unanswered: QuestionLogRecord[];
  /** Answered, but with confidence below the threshold asked for. */
  lowConfidence: QuestionLogRecord[];
  unhelpful: FeedbackRecord[];
}

export interface ReportQuery {
  since: Date;
  lowConfidenceBelow: number;
}

/**
 * How long a handled Slack event id is remembered. Slack redelivers within minutes (after 1 minute,
 * then 5); a day covers that with room to spare and keeps the table small.
 */
export const PROCESSED_EVENT_TTL_MS = 24 * 60 * 60_000;

export interface Storage extends FeedbackStore, QuestionLog {
  /** "sqlite", "postgres" or "memory": for logs and the health check. */
  readonly kind: string;

  subscribe(input: SubscribeInput): Promise<DigestSubscription>;
  /** False when the channel had no subscription. Past deliveries are kept (so "what changed" still works). */
  unsubscribe(channelId: string): Promise<boolean>;
  getSubscription(channelId: string): Promise<DigestSubscription | null>;
  /** Ordered by channel id; `teamId` narrows to one workspace, `enabledOnly` to the ones to deliver. */
  listSubscriptions(filter?: { teamId?: string; enabledOnly?: boolean }): Promise<DigestSubscription[]>;
  /** Stops delivery and remembers why; a later `subscribe` re-enables. */
  disableSubscription(channelId: string, reason: string): Promise<void>;

  /**
   * Atomically takes the right to post (channel, localDate). True when there was no row, or the row is
   * still only claimed and its lease has expired (the holder crashed); false otherwise.
   */
  claimDelivery(input: ClaimInput): Promise<boolean>;
  /**
   * Records that Slack accepted the post (or, for kind "skipped", that nothing is to be posted that
   * day). Applies to a row still in the claimed state, whoever holds
   * it: the message exists, so no one else may post it again. False when it was already delivered.
   */
  markDelivered(input: DeliveredInput): Promise<boolean>;
  /** Gives the claim back after a definite failure (nothing was posted); only the holder's claim. */
  releaseClaim(input: ReleaseInput): Promise<void>;
  getDelivery(channelId: string, localDate: string): Promise<DigestDelivery | null>;
  /**
   * The most recent delivered row of a channel whose kind is one of `kinds` (default: the posted
   * ones): ["digest"] gives the previous full digest, for "what changed since".
   */
  latestDelivery(channelId: string, kinds?: readonly DeliveryKind[]): Promise<DigestDelivery | null>;

  /** Questions asked since `since`, oldest first; `teamId` narrows to one workspace. */
  questionsSince(since: Date, teamId?: string): Promise<QuestionLogRecord[]>;
  reportRecords(query: ReportQuery): Promise<ReportRecords>;
  /** The entries that answered the most questions since `since`, most first (ties by entry id). */
  mostAskedEntries(query: MostAskedQuery): Promise<EntryCount[]>;
  /** Deletes logged questions and feedback older than `before`; returns how many rows went. */
  pruneQuestionLog(before: Date): Promise<number>;

  /**
   * Atomically takes the right to handle a Slack event: true for the first claim of `eventId` (or
   * when its earlier claim is older than PROCESSED_EVENT_TTL_MS), false for every other copy or retry.
   */
  claimEvent(eventId: string, now: Date): Promise<boolean>;
  /** Forgets event claims older than PROCESSED_EVENT_TTL_MS before `now`; returns how many went. */
  pruneEvents(now: Date): Promise<number>;

  /** True when the store answers now; never throws (health checks call it). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
