import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
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
import {
  DEFAULT_DIGEST_CADENCE,
  type EntryCount,
  POSTED_KINDS,
  PROCESSED_EVENT_TTL_MS,
  type QuestionLogRecord,
  type Storage,
} from "./types.js";
import { createWriteBatcher } from "./write-batcher.js";

export const SQLITE_FILE_NAME = "talks.sqlite";

/** Another process (a second copy on the same file) may hold the write lock briefly: wait, don't fail. */
const BUSY_TIMEOUT_MS = 5_000;

function migrate(db: Database.Database): void {
  db.exec(SCHEMA_MIGRATIONS_TABLE);
  // IMMEDIATE takes the write lock first, so two processes starting together do not both migrate.
  db.transaction(() => {
    const applied = new Set(
      (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map(
        (row) => row.version,
      ),
    );
    for (const migration of pendingMigrations(applied)) {
      db.exec(migration.sqlite);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        Date.now(),
      );
    }
  }).immediate();
}

/**
 * Questions are logged on every answer. They are committed in batches: one transaction per
 * `QUESTION_BATCH_WINDOW_MS` costs the event loop a fraction of one commit per question.
 */
export const QUESTION_BATCH_WINDOW_MS = 200;
const QUESTION_BATCH_MAX = 200;

/** Codes meaning a file sits where DATA_DIR, or a folder above it, should be. */
const NOT_A_FOLDER = new Set(["EEXIST", "ENOTDIR"]);
/** Codes meaning the app's user may not create or write the database there. */
const NOT_WRITABLE = new Set(["EACCES", "EPERM", "EROFS", "SQLITE_CANTOPEN"]);

/** The start-up error a person can act on, named after DATA_DIR; other errors pass through. */
function startupError(error: unknown, dataDir: string, file: string): unknown {
  if (error instanceof StorageUnavailableError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return error;
  if (NOT_A_FOLDER.has(code))
    return new StorageUnavailableError(STORAGE_MESSAGES.dataDirNotFolder(dataDir, code));
  if (NOT_WRITABLE.has(code) || code.startsWith("SQLITE_READONLY")) {
    return new StorageUnavailableError(STORAGE_MESSAGES.dataDirNotWritable(dataDir, code));
  }
  if (code === "SQLITE_NOTADB") return new StorageUnavailableError(STORAGE_MESSAGES.sqliteNotADatabase(file));
  if (code.startsWith("SQLITE_CORRUPT")) {
    return new StorageUnavailableError(STORAGE_MESSAGES.sqliteDamaged(file, code));
  }
  return error;
}

/** What SQLite's integrity check found wrong, in one line, or null when the file is sound. */
function integrityProblem(db: Database.Database): string | null {
  let verdict: string;
  try {
    const [first] = db.pragma("integrity_check") as { integrity_check: string }[];
    verdict = first?.integrity_check ?? "no answer";
  } catch (error) {
    // A page the check cannot even read makes it throw rather than report.
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_CORRUPT")) return code;
    throw error;
  }
  return verdict === "ok" ? null : verdict.replace(/\s+/g, " ").slice(0, 200);
}

/**
 * Opens (or creates) the database file and brings its schema up to date. A file with overwritten
 * pages can open and answer for a while, then fail at the first query that touches them (every
 * digest command, say); the integrity check, one read of the file, finds that at start-up instead.
 */
function openDatabase(file: string): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    const problem = integrityProblem(db);
    if (problem !== null) {
      throw new StorageUnavailableError(STORAGE_MESSAGES.sqliteDamaged(file, `integrity check: ${problem}`));
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * SQLite storage in `<dataDir>/talks.sqlite`; the folder and the file are created on first start.
 * Throws StorageUnavailableError, naming DATA_DIR, when the folder or the file cannot be used.
 */
export function openSqliteStorage(options: { dataDir: string }): Storage {
  const file = join(options.dataDir, SQLITE_FILE_NAME);
  let db: Database.Database;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    db = openDatabase(file);
  } catch (error) {
    throw startupError(error, options.dataDir, file);
  }
  // Questions, votes and event claims are written on every request: on this connection each would
  // wait for an fsync and stall the acks queued behind it. A second connection with
  // synchronous=NORMAL keeps them safe from a process crash (only a power cut can lose the last
  // few), while subscriptions and digest deliveries keep full durability on the first.
  const hotDb = new Database(join(options.dataDir, SQLITE_FILE_NAME), { timeout: BUSY_TIMEOUT_MS });
  hotDb.pragma("synchronous = NORMAL");
  hotDb.pragma("foreign_keys = ON");

  const statements = {
    subscribe: db.prepare(`
      INSERT INTO digest_subscriptions
        (channel_id, team_id, time, time_zone, cadence, enabled, disabled_reason, created_by, created_at)
      VALUES (@channelId, @teamId, @time, @timeZone, COALESCE(@cadence, @defaultCadence), 1, NULL, @createdBy,
        @createdAt)
      ON CONFLICT (channel_id) DO UPDATE SET
        team_id = excluded.team_id, time = excluded.time, time_zone = excluded.time_zone,
        cadence = COALESCE(@cadence, digest_subscriptions.cadence), enabled = 1, disabled_reason = NULL,
        created_by = excluded.created_by, created_at = excluded.created_at`),
    unsubscribe: db.prepare("DELETE FROM digest_subscriptions WHERE channel_id = ?"),
    getSubscription: db.prepare("SELECT * FROM digest_subscriptions WHERE channel_id = ?"),
    listSubscriptions: db.prepare(`
      SELECT * FROM digest_subscriptions
      WHERE (@teamId IS NULL OR team_id = @teamId) AND (@enabledOnly = 0 OR enabled = 1)
      ORDER BY channel_id`),
    disable: db.prepare(
      "UPDATE digest_subscriptions SET enabled = 0, disabled_reason = ? WHERE channel_id = ?",
    ),
    claim: db.prepare(`
      INSERT INTO digest_deliveries (channel_id, local_date, state, claimed_by, lease_until)
      VALUES (@channelId, @localDate, 'claimed', @instanceId, @leaseUntil)
      ON CONFLICT (channel_id, local_date) DO UPDATE SET
        claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
      WHERE digest_deliveries.state = 'claimed' AND digest_deliveries.lease_until <= @now`),
    markDelivered: db.prepare(`
      UPDATE digest_deliveries
      SET state = 'delivered', kind = @kind, delivered_at = @deliveredAt, message_ts = @messageTs,
          entry_fingerprints = @entryFingerprints
      WHERE channel_id = @channelId AND local_date = @localDate AND state = 'claimed'`),
    release: db.prepare(`
      DELETE FROM digest_deliveries
      WHERE channel_id = ? AND local_date = ? AND state = 'claimed' AND claimed_by = ?`),
    getDelivery: db.prepare("SELECT * FROM digest_deliveries WHERE channel_id = ? AND local_date = ?"),
    latestDelivery: db.prepare(`
      SELECT * FROM digest_deliveries
      WHERE channel_id = ? AND state = 'delivered' AND kind IN (SELECT value FROM json_each(?))
      ORDER BY local_date DESC LIMIT 1`),
    feedback: hotDb.prepare(`
      INSERT INTO answer_feedback (entry_id, helpful, normalised_question, at)
      VALUES (?, ?, ?, ?)`),
    question: hotDb.prepare(`
      INSERT INTO question_log
        (team_id, normalised_question, entry_id, closest_entry_id, confidence, answered, at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    questionsSince: db.prepare(`
      SELECT * FROM question_log WHERE at >= @since AND (@teamId IS NULL OR team_id = @teamId)
      ORDER BY at, id`),
    unanswered: db.prepare("SELECT * FROM question_log WHERE at >= ? AND answered = 0 ORDER BY at, id"),
    mostAsked: db.prepare(`
      SELECT entry_id AS entryId, COUNT(*) AS count FROM question_log
      WHERE at >= @since AND team_id = @teamId AND answered = 1 AND entry_id IS NOT NULL
      GROUP BY entry_id ORDER BY count DESC, entry_id LIMIT @limit`),
    lowConfidence: db.prepare(
      "SELECT * FROM question_log WHERE at >= ? AND answered = 1 AND confidence < ? ORDER BY at, id",
    ),
    unhelpful: db.prepare("SELECT * FROM answer_feedback WHERE at >= ? AND helpful = 0 ORDER BY at, id"),
    pruneQuestions: db.prepare("DELETE FROM question_log WHERE at < ?"),
    pruneFeedback: db.prepare("DELETE FROM answer_feedback WHERE at < ?"),
    claimEvent: hotDb.prepare(`
      INSERT INTO processed_events (event_id, claimed_at) VALUES (@eventId, @now)
      ON CONFLICT (event_id) DO UPDATE SET claimed_at = excluded.claimed_at
      WHERE processed_events.claimed_at < @expiredBefore`),
    pruneEvents: db.prepare("DELETE FROM processed_events WHERE claimed_at < ?"),
    ping: db.prepare("SELECT 1"),
  };

  const prune = db.transaction(
    (before: number) =>
      statements.pruneQuestions.run(before).changes + statements.pruneFeedback.run(before).changes,
  );

  const questionBatch = createWriteBatcher<QuestionLogRecord>({
    windowMs: QUESTION_BATCH_WINDOW_MS,
    maxBatch: QUESTION_BATCH_MAX,
    write: hotDb.transaction((records: readonly QuestionLogRecord[]) => {
      for (const record of records) {
        statements.question.run(
          record.teamId ?? null,
          record.normalisedQuestion,
          record.entryId,
          record.closestEntryId,
          record.confidence,
          record.answered ? 1 : 0,
          record.at.getTime(),
        );
      }
    }),
  });

  return {
    kind: "sqlite",

    async subscribe(input) {
      statements.subscribe.run({
        channelId: input.channelId,
        teamId: input.teamId,
        time: input.time,
        timeZone: input.timeZone,
        cadence: input.cadence,
        defaultCadence: DEFAULT_DIGEST_CADENCE,
        createdBy: input.createdBy,
        createdAt: input.now.getTime(),
      });
      return subscriptionFromRow(statements.getSubscription.get(input.channelId) as SubscriptionRow);
    },

    async unsubscribe(channelId) {
      return statements.unsubscribe.run(channelId).changes > 0;
    },

    async getSubscription(channelId) {
      const row = statements.getSubscription.get(channelId) as SubscriptionRow | undefined;
      return row === undefined ? null : subscriptionFromRow(row);
    },

    async listSubscriptions(filter = {}) {
      const rows = statements.listSubscriptions.all({
        teamId: filter.teamId ?? null,
        enabledOnly: filter.enabledOnly === true ? 1 : 0,
      }) as SubscriptionRow[];
      return rows.map(subscriptionFromRow);
    },

    async disableSubscription(channelId, reason) {
      statements.disable.run(reason, channelId);
    },

    async claimDelivery(input) {
      const result = statements.claim.run({
        channelId: input.channelId,
        localDate: input.localDate,
        instanceId: input.instanceId,
        leaseUntil: input.leaseUntil.getTime(),
        now: input.now.getTime(),
      });
      return result.changes === 1;
    },

    async markDelivered(input) {
      const result = statements.markDelivered.run({
        channelId: input.channelId,
        localDate: input.localDate,
        kind: input.kind,
        deliveredAt: input.deliveredAt.getTime(),
        messageTs: input.messageTs,
        entryFingerprints: JSON.stringify(input.entryFingerprints),
      });
      return result.changes === 1;
    },

    async releaseClaim(input) {
      statements.release.run(input.channelId, input.localDate, input.instanceId);
    },

    async getDelivery(channelId, localDate) {
      const row = statements.getDelivery.get(channelId, localDate) as DeliveryRow | undefined;
      return row === undefined ? null : deliveryFromRow(row);
    },

    async latestDelivery(channelId, kinds = POSTED_KINDS) {
      const row = statements.latestDelivery.get(channelId, JSON.stringify(kinds)) as DeliveryRow | undefined;
      return row === undefined ? null : deliveryFromRow(row);
    },

    async recordFeedback(record) {
      statements.feedback.run(
        record.entryId,
        record.helpful ? 1 : 0,
        record.normalisedQuestion,
        record.at.getTime(),
      );
    },

    logQuestion(record) {
      return questionBatch.add(record);
    },

    async questionsSince(since, teamId) {
      questionBatch.flush();
      const rows = statements.questionsSince.all({
        since: since.getTime(),
        teamId: teamId ?? null,
      }) as QuestionRow[];
      return rows.map(questionFromRow);
    },

    async mostAskedEntries(query) {
      questionBatch.flush();
      return statements.mostAsked.all({
        since: query.since.getTime(),
        teamId: query.teamId,
        limit: query.limit,
      }) as EntryCount[];
    },

    async reportRecords(query) {
      questionBatch.flush();
      const since = query.since.getTime();
      return {
        unanswered: (statements.unanswered.all(since) as QuestionRow[]).map(questionFromRow),
        lowConfidence: (statements.lowConfidence.all(since, query.lowConfidenceBelow) as QuestionRow[]).map(
          questionFromRow,
        ),
        unhelpful: (statements.unhelpful.all(since) as FeedbackRow[]).map(feedbackFromRow),
      };
    },

    async pruneQuestionLog(before) {
      questionBatch.flush();
      return prune(before.getTime());
    },

    async claimEvent(eventId, now) {
      const result = statements.claimEvent.run({
        eventId,
        now: now.getTime(),
        expiredBefore: now.getTime() - PROCESSED_EVENT_TTL_MS,
      });
      return result.changes === 1;
    },

    async pruneEvents(now) {
      return statements.pruneEvents.run(now.getTime() - PROCESSED_EVENT_TTL_MS).changes;
    },

    async ping() {
      try {
        statements.ping.get();
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      if (hotDb.open) {
        questionBatch.flush();
        hotDb.close();
      }
      if (db.open) db.close();
    },
  };
}
