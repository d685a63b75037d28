/**
 * The schema, as an ordered list of versioned steps. Each step runs once, in a transaction, and is
 * recorded in `schema_migrations`; never edit a released step, append a new one. Times are stored as
 * epoch milliseconds in both databases so the two implementations read rows the same way.
 */

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const SCHEMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "digest subscriptions and deliveries, feedback, question log",
    sqlite: `
      CREATE TABLE digest_subscriptions (
        channel_id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        disabled_reason TEXT,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE digest_deliveries (
        channel_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'delivered')),
        claimed_by TEXT NOT NULL,
        lease_until BIGINT NOT NULL,
        delivered_at BIGINT,
        message_ts TEXT,
        entry_fingerprints TEXT,
        PRIMARY KEY (channel_id, local_date)
      );
      CREATE TABLE answer_feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id TEXT,
        helpful INTEGER NOT NULL,
        normalised_question TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX answer_feedback_at ON answer_feedback (at);
      CREATE TABLE question_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id TEXT,
        normalised_question TEXT NOT NULL,
        entry_id TEXT,
        closest_entry_id TEXT,
        confidence REAL NOT NULL,
        answered INTEGER NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX question_log_at ON question_log (at);
    `,
    postgres: `
      CREATE TABLE digest_subscriptions (
        channel_id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        enabled BOOLEAN NOT NULL,
        disabled_reason TEXT,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE digest_deliveries (
        channel_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'delivered')),
        claimed_by TEXT NOT NULL,
        lease_until BIGINT NOT NULL,
        delivered_at BIGINT,
        message_ts TEXT,
        entry_fingerprints TEXT,
        PRIMARY KEY (channel_id, local_date)
      );
      CREATE TABLE answer_feedback (
        id BIGSERIAL PRIMARY KEY,
        entry_id TEXT,
        helpful BOOLEAN NOT NULL,
        normalised_question TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX answer_feedback_at ON answer_feedback (at);
      CREATE TABLE question_log (
        id BIGSERIAL PRIMARY KEY,
        team_id TEXT,
        normalised_question TEXT NOT NULL,
        entry_id TEXT,
        closest_entry_id TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        answered BOOLEAN NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX question_log_at ON question_log (at);
    `,
  },
  {
    version: 2,
    name: "processed Slack events, so copies of the app answer a redelivered event once",
    sqlite: `
      CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        claimed_at BIGINT NOT NULL
      );
      CREATE INDEX processed_events_claimed_at ON processed_events (claimed_at);
    `,
    postgres: `
      CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        claimed_at BIGINT NOT NULL
      );
      CREATE INDEX processed_events_claimed_at ON processed_events (claimed_at);
    `,
  },
  {
    version: 3,
    name: "digest cadence per subscription (changes only by default), and what each delivery posted",
    sqlite: `
      ALTER TABLE digest_subscriptions
        ADD COLUMN cadence TEXT NOT NULL DEFAULT 'changes' CHECK (cadence IN ('changes', 'daily'));
      ALTER TABLE digest_deliveries
        ADD COLUMN kind TEXT NOT NULL DEFAULT 'digest' CHECK (kind IN ('digest', 'notice', 'skipped'));
    `,
    postgres: `
      ALTER TABLE digest_subscriptions
        ADD COLUMN cadence TEXT NOT NULL DEFAULT 'changes' CHECK (cadence IN ('changes', 'daily'));
      ALTER TABLE digest_deliveries
        ADD COLUMN kind TEXT NOT NULL DEFAULT 'digest' CHECK (kind IN ('digest', 'notice', 'skipped'));
    `,
  },
];

/** The steps not yet applied, in order. */
export function pendingMigrations(applied: ReadonlySet<number>): Migration[] {
  return migrations.filter((migration) => !applied.has(migration.version));
}
