import pg from "pg";
import { STORAGE_MESSAGES, StorageUnavailableError } from "./messages.js";
import { pendingMigrations, SCHEMA_MIGRATIONS_TABLE } from "./migrations.js";
import {
  type DeliveryRow,
  deliveryFromRow,
  type FeedbackRow,
  feedbackFromRow,
  type QuestionRow,
  questionFromRow,
  type SubscriptionRow,
  subscriptionFromRow,
} from "./rows.js";
import { DEFAULT_DIGEST_CADENCE, POSTED_KINDS, PROCESSED_EVENT_TTL_MS, type Storage } from "./types.js";

/** Every copy of the app migrates at start-up; this lock lets exactly one of them do it at a time. */
const MIGRATION_LOCK_KEY = 7_305_310_041;

/** A lost database must not hang a health check or a scheduler tick for long. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Every query gives up after this long. The bot's queries take milliseconds; without a bound, one
 * sent down a link that froze (no reply, no reset) waits forever, and the answer or the shutdown
 * waiting on it with it.
 */
export const QUERY_TIMEOUT_MS = 3_000;

/**
 * How long closing waits for the pool to say goodbye to the server. Over a frozen link the goodbye
 * is never acknowledged, and the process is about to exit anyway.
 */
export const CLOSE_TIMEOUT_MS = 2_000;

export interface PostgresStorageOptions {
  databaseUrl: string;
  /** Tables live in this schema (must exist); tests use one per file so parallel files never collide. */
  schema?: string;
  poolSize?: number;
  /** How long to wait for a connection; defaults to CONNECT_TIMEOUT_MS. */
  connectTimeoutMs?: number;
  /** Told when an idle connection breaks (the server restarted); the pool replaces it by itself. */
  onPoolError?: (error: Error) => void;
}

/** host:port/database of a URL, for messages: never the user name or the password. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    throw new StorageUnavailableError(STORAGE_MESSAGES.postgresBadUrl);
  }
}

/** PostgreSQL's SQLSTATEs for a login the server refused: wrong password, or no such role. */
const LOGIN_REFUSED = new Set(["28P01", "28000"]);

/** Why connecting failed, named for what it is: a refused login is not an unreachable server. */
export function connectError(error: unknown, databaseUrl: string): StorageUnavailableError {
  const where = describeDatabase(databaseUrl);
  const coded = error as { code?: string; message?: string };
  if (coded.code !== undefined && LOGIN_REFUSED.has(coded.code)) {
    return new StorageUnavailableError(STORAGE_MESSAGES.postgresLoginRefused(where, coded.code));
  }
  if (coded.code === "3D000") {
    const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    return new StorageUnavailableError(STORAGE_MESSAGES.postgresNoDatabase(where, database));
  }
  return new StorageUnavailableError(
    STORAGE_MESSAGES.postgresUnreachable(where, coded.code ?? coded.message ?? "unknown error"),
  );
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(SCHEMA_MIGRATIONS_TABLE);
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      for (const migration of pendingMigrations(new Set(rows.map((row) => row.version)))) {
        await client.query("BEGIN");
        try {
          await client.query(migration.postgres);
          await client.query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            [migration.version, migration.name, Date.now()],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * PostgreSQL storage, shared by every copy of the app. Connects and migrates before returning, so an
 * unreachable server is a clear start-up error rather than a failure at the first question.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  // A malformed URL gets its own message before anything connects.
  describeDatabase(options.databaseUrl);
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new StorageUnavailableError(`"${options.schema}" is not a plain schema name`);
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  pool.on("error", (error) => options.onPoolError?.(error));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectError(error, options.databaseUrl);
  }

  const query = async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    pool.query<Row>(text, values);

  return {
    kind: "postgres",

    async subscribe(input) {
      const { rows } = await query<SubscriptionRow>(
        `INSERT INTO digest_subscriptions
           (channel_id, team_id, time, time_zone, cadence, enabled, disabled_reason, created_by, created_at)
         VALUES ($1, $2, $3, $4, COALESCE($7::text, $8::text), TRUE, NULL, $5, $6)
         ON CONFLICT (channel_id) DO UPDATE SET
           team_id = excluded.team_id, time = excluded.time, time_zone = excluded.time_zone,
           cadence = COALESCE($7::text, digest_subscriptions.cadence), enabled = TRUE,
           disabled_reason = NULL, created_by = excluded.created_by, created_at = excluded.created_at
         RETURNING *`,
        [
          input.channelId,
          input.teamId,
          input.time,
          input.timeZone,
          input.createdBy,
          input.now.getTime(),
          input.cadence,
          DEFAULT_DIGEST_CADENCE,
        ],
      );
      return subscriptionFromRow(rows[0] as SubscriptionRow);
    },

    async unsubscribe(channelId) {
      const result = await query("DELETE FROM digest_subscriptions WHERE channel_id = $1", [channelId]);
      return (result.rowCount ?? 0) > 0;
    },

    async getSubscription(channelId) {
      const { rows } = await query<SubscriptionRow>(
        "SELECT * FROM digest_subscriptions WHERE channel_id = $1",
        [channelId],
      );
      return rows[0] === undefined ? null : subscriptionFromRow(rows[0]);
    },

    async listSubscriptions(filter = {}) {
      const { rows } = await query<SubscriptionRow>(
        `SELECT * FROM digest_subscriptions
         WHERE ($1::text IS NULL OR team_id = $1) AND (NOT $2::boolean OR enabled)
         ORDER BY channel_id`,
        [filter.teamId ?? null, filter.enabledOnly === true],
      );
      return rows.map(subscriptionFromRow);
    },

    async disableSubscription(channelId, reason) {
      await query(
        "UPDATE digest_subscriptions SET enabled = FALSE, disabled_reason = $2 WHERE channel_id = $1",
        [channelId, reason],
      );
    },

    async claimDelivery(input) {
      // One statement: concurrent claimers serialise on the row, and the loser sees the winner's lease.
      const result = await query(
        `INSERT INTO digest_deliveries (channel_id, local_date, state, claimed_by, lease_until)
         VALUES ($1, $2, 'claimed', $3, $4)
         ON CONFLICT (channel_id, local_date) DO UPDATE SET
           claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
         WHERE digest_deliveries.state = 'claimed' AND digest_deliveries.lease_until <= $5`,
        [input.channelId, input.localDate, input.instanceId, input.leaseUntil.getTime(), input.now.getTime()],
      );
      return result.rowCount === 1;
    },

    async markDelivered(input) {
      const result = await query(
        `UPDATE digest_deliveries
         SET state = 'delivered', kind = $6, delivered_at = $3, message_ts = $4, entry_fingerprints = $5
         WHERE channel_id = $1 AND local_date = $2 AND state = 'claimed'`,
        [
          input.channelId,
          input.localDate,
          input.deliveredAt.getTime(),
          input.messageTs,
          JSON.stringify(input.entryFingerprints),
          input.kind,
        ],
      );
      return result.rowCount === 1;
    },

    async releaseClaim(input) {
      await query(
        `DELETE FROM digest_deliveries
         WHERE channel_id = $1 AND local_date = $2 AND state = 'claimed' AND claimed_by = $3`,
        [input.channelId, input.localDate, input.instanceId],
      );
    },

    async getDelivery(channelId, localDate) {
      const { rows } = await query<DeliveryRow>(
        "SELECT * FROM digest_deliveries WHERE channel_id = $1 AND local_date = $2",
        [channelId, localDate],
      );
      return rows[0] === undefined ? null : deliveryFromRow(rows[0]);
    },

    async latestDelivery(channelId, kinds = POSTED_KINDS) {
      const { rows } = await query<DeliveryRow>(
        `SELECT * FROM digest_deliveries
         WHERE channel_id = $1 AND state = 'delivered' AND kind = ANY($2::text[])
         ORDER BY local_date DESC LIMIT 1`,
        [channelId, [...kinds]],
      );
      return rows[0] === undefined ? null : deliveryFromRow(rows[0]);
    },

    async recordFeedback(record) {
      await query(
        "INSERT INTO answer_feedback (entry_id, helpful, normalised_question, at) VALUES ($1, $2, $3, $4)",
        [record.entryId, record.helpful, record.normalisedQuestion, record.at.getTime()],
      );
    },

    async logQuestion(record) {
      await query(
        `INSERT INTO question_log
           (team_id, normalised_question, entry_id, closest_entry_id, confidence, answered, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          record.teamId ?? null,
          record.normalisedQuestion,
          record.entryId,
          record.closestEntryId,
          record.confidence,
          record.answered,
          record.at.getTime(),
        ],
      );
    },

    async questionsSince(since, teamId) {
      const { rows } = await query<QuestionRow>(
        `SELECT * FROM question_log WHERE at >= $1 AND ($2::text IS NULL OR team_id = $2)
         ORDER BY at, id`,
        [since.getTime(), teamId ?? null],
      );
      return rows.map(questionFromRow);
    },

    async mostAskedEntries(mostAsked) {
      const { rows } = await query<{ entry_id: string; count: string }>(
        `SELECT entry_id, COUNT(*) AS count FROM question_log
         WHERE at >= $1 AND team_id = $2 AND answered AND entry_id IS NOT NULL
         GROUP BY entry_id ORDER BY count DESC, entry_id LIMIT $3`,
        [mostAsked.since.getTime(), mostAsked.teamId, mostAsked.limit],
      );
      return rows.map((row) => ({ entryId: row.entry_id, count: Number(row.count) }));
    },

    async reportRecords(reportQuery) {
      const since = reportQuery.since.getTime();
      const [unanswered, lowConfidence, unhelpful] = await Promise.all([
        query<QuestionRow>("SELECT * FROM question_log WHERE at >= $1 AND NOT answered ORDER BY at, id", [
          since,
        ]),
        query<QuestionRow>(
          "SELECT * FROM question_log WHERE at >= $1 AND answered AND confidence < $2 ORDER BY at, id",
          [since, reportQuery.lowConfidenceBelow],
        ),
        query<FeedbackRow>("SELECT * FROM answer_feedback WHERE at >= $1 AND NOT helpful ORDER BY at, id", [
          since,
        ]),
      ]);
      return {
        unanswered: unanswered.rows.map(questionFromRow),
        lowConfidence: lowConfidence.rows.map(questionFromRow),
        unhelpful: unhelpful.rows.map(feedbackFromRow),
      };
    },

    async pruneQuestionLog(before) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const questions = await client.query("DELETE FROM question_log WHERE at < $1", [before.getTime()]);
        const feedback = await client.query("DELETE FROM answer_feedback WHERE at < $1", [before.getTime()]);
        await client.query("COMMIT");
        return (questions.rowCount ?? 0) + (feedback.rowCount ?? 0);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async claimEvent(eventId, now) {
      // One statement: two copies claiming together serialise on the key, and only one gets a row.
      const result = await query(
        `INSERT INTO processed_events (event_id, claimed_at) VALUES ($1, $2)
         ON CONFLICT (event_id) DO UPDATE SET claimed_at = excluded.claimed_at
         WHERE processed_events.claimed_at < $3`,
        [eventId, now.getTime(), now.getTime() - PROCESSED_EVENT_TTL_MS],
      );
      return result.rowCount === 1;
    },

    async pruneEvents(now) {
      const result = await query("DELETE FROM processed_events WHERE claimed_at < $1", [
        now.getTime() - PROCESSED_EVENT_TTL_MS,
      ]);
      return result.rowCount ?? 0;
    },

    async ping() {
      try {
        await query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      if (pool.ended) return;
      let timer: NodeJS.Timeout | undefined;
      const givenUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
        timer.unref();
      });
      await Promise.race([pool.end(), givenUp]);
      clearTimeout(timer);
    },
  };
}
