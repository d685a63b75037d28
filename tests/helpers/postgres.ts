import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { openPostgresStorage } from "../../src/storage/postgres.js";
import type { Storage } from "../../src/storage/types.js";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_SKIP_REASON = "TEST_DATABASE_URL not set: PostgreSQL storage tests skipped";

/** `describe` when a test database is configured; otherwise a skipped suite whose name says why. */
export function describePostgres(name: string, body: () => void): void {
  if (TEST_DATABASE_URL === undefined) {
    console.warn(POSTGRES_SKIP_REASON);
    describe.skip(`${name} (${POSTGRES_SKIP_REASON})`, body);
    return;
  }
  describe(name, body);
}

/**
 * A schema of its own for one test file, so files running in parallel never see each other's rows.
 * `open()` may be called several times: each call is another "copy of the app" on the same database.
 */
export interface TestSchema {
  schema: string;
  open(): Promise<Storage>;
  /** Closes every storage opened here and drops the schema. */
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const url = TEST_DATABASE_URL;
  if (url === undefined) throw new Error(POSTGRES_SKIP_REASON);
  const schema = `talks_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const opened: Storage[] = [];
  return {
    schema,
    async open() {
      const storage = await openPostgresStorage({ databaseUrl: url, schema, poolSize: 3 });
      opened.push(storage);
      return storage;
    },
    async drop() {
      await Promise.all(opened.map((storage) => storage.close()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
