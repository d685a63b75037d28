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
  normalisedQuestion: string;
  /** The entry answered, or, when declined, null. */
  entryId: string | null;
  /** The entry the matcher came closest to, even when it declined (for the curator report). */
  closestEntryId: string | null;
  confidence: number;
  answered: boolean;
  at: Date;
}

export interface DigestSubscription {
  teamId: string;
  channelId: string;
  /** Local time of day, "HH:MM". */
  time: string;
  /** IANA zone, e.g. "Europe/Kyiv". */
  timeZone: string;
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
  /** Who holds the claim (process id), and until when. */
  claimedBy: string;
  leaseUntil: Date;
  deliveredAt: Date | null;
  /** Slack's ts of the posted message. */
  messageTs: string | null;
  /** Knowledge base entry fingerprints at delivery, so the next digest can say what changed. */
  entryFingerprints: Record<string, string> | null;
}

export interface FeedbackStore {
  recordFeedback(record: FeedbackRecord): Promise<void>;
}

export interface QuestionLog {
  logQuestion(record: QuestionLogRecord): Promise<void>;
}
