import pg from "pg";
import { describe, expect, it } from "vitest";
import { STORAGE_MESSAGES, StorageUnavailableError } from "../../src/storage/messages.js";
import { migrations } from "../../src/storage/migrations.js";
import { openStorage } from "../../src/storage/open.js";
import { createTestSchema, describePostgres, TEST_DATABASE_URL } from "../helpers/postgres.js";
import { postgresHarness } from "../helpers/storage-harness.js";
import { storageContract } from "./storage-contract.js";

describePostgres("PostgreSQL storage", () => {
  storageContract(postgresHarness);

  it("lets copies of the app start together: the migrations run once, under the advisory lock", async () => {
    const schema = await createTestSchema();
    try {
      const copies = await Promise.all([schema.open(), schema.open(), schema.open()]);
      expect(await Promise.all(copies.map((copy) => copy.ping()))).toEqual([true, true, true]);
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      const { rows } = await client.query(
        `SELECT version FROM ${schema.schema}.schema_migrations ORDER BY version`,
      );
      await client.end();
      expect(rows).toEqual(migrations.map((migration) => ({ version: migration.version })));
    } finally {
      await schema.drop();
    }
  });
});

describe("PostgreSQL start-up", () => {
  it("fails with a clear error naming the server, never the password, when it is not reachable", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const attempt = openStorage({
      databaseUrl: "postgres://talks:s3cret-password@127.0.0.1:1/talks",
      dataDir: "unused",
    });
    const error = await attempt.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    const message = (error as Error).message;
    expect(message).toBe(STORAGE_MESSAGES.postgresUnreachable("127.0.0.1:1/talks", "ECONNREFUSED"));
    expect(message).not.toContain("s3cret");
    expect(message).not.toContain("talks:");
  });
});
