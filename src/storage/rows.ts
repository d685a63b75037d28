import type {
  DeliveryKind,
  DigestCadence,
  DigestDelivery,
  DigestSubscription,
  FeedbackRecord,
  QuestionLogRecord,
} from "./types.js";

/**
 * Rows as both SQL databases return them. Times are epoch milliseconds (PostgreSQL's BIGINT arrives as
 * a string), booleans are 0/1 in SQLite and true/false in PostgreSQL.
 */
export interface SubscriptionRow {
  channel_id: string;
  team_id: string;
  time: string;
  time_zone: string;
  cadence: string;
  enabled: number | boolean;
  disabled_reason: string | null;
  created_by: string;
  created_at: number | string;
}

export interface DeliveryRow {
  channel_id: string;
  local_date: string;
  state: string;
  kind: string;
  claimed_by: string;
  lease_until: number | string;
  delivered_at: number | string | null;
  message_ts: string | null;
  entry_fingerprints: string | null;
}

export interface FeedbackRow {
  entry_id: string | null;
  helpful: number | boolean;
  normalised_question: string;
  at: number | string;
}

export interface QuestionRow {
  team_id: string | null;
  normalised_question: string;
  entry_id: string | null;
  closest_entry_id: string | null;
  confidence: number;
  answered: number | boolean;
  at: number | string;
}

const toDate = (value: number | string): Date => new Date(Number(value));

export function subscriptionFromRow(row: SubscriptionRow): DigestSubscription {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.time_zone,
    // The column's CHECK admits only these two.
    cadence: row.cadence as DigestCadence,
    enabled: Boolean(row.enabled),
    disabledReason: row.disabled_reason,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
  };
}

export function deliveryFromRow(row: DeliveryRow): DigestDelivery {
  return {
    channelId: row.channel_id,
    localDate: row.local_date,
    state: row.state === "delivered" ? "delivered" : "claimed",
    kind: row.kind as DeliveryKind,
    claimedBy: row.claimed_by,
    leaseUntil: toDate(row.lease_until),
    deliveredAt: row.delivered_at === null ? null : toDate(row.delivered_at),
    messageTs: row.message_ts,
    entryFingerprints:
      row.entry_fingerprints === null ? null : (JSON.parse(row.entry_fingerprints) as Record<string, string>),
  };
}

export function feedbackFromRow(row: FeedbackRow): FeedbackRecord {
  return {
    entryId: row.entry_id,
    helpful: Boolean(row.helpful),
    normalisedQuestion: row.normalised_question,
    at: toDate(row.at),
  };
}

export function questionFromRow(row: QuestionRow): QuestionLogRecord {
  return {
    teamId: row.team_id,
    normalisedQuestion: row.normalised_question,
    entryId: row.entry_id,
    closestEntryId: row.closest_entry_id,
    confidence: Number(row.confidence),
    answered: Boolean(row.answered),
    at: toDate(row.at),
  };
}
