import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/types.js";
import { createTestSchema } from "./postgres.js";

/**
 * One database for one test. `open()` again gives another handle on the same data: another copy of
 * the app, or the same copy after a restart.
 */
export interface StorageHarness {
  open(): Promise<Storage>;
  cleanup(): Promise<void>;
}

/** A SQLite file in a fresh temp folder (the data folder itself is created by the storage). */
export async function sqliteHarness(): Promise<StorageHarness> {
  const root = mkdtempSync(join(tmpdir(), "talks-sqlite-"));
  const dataDir = join(root, "var");
  const opened: Storage[] = [];
  return {
    async open() {
      const storage = openSqliteStorage({ dataDir });
      opened.push(storage);
      return storage;
    },
    async cleanup() {
      await Promise.all(opened.map((storage) => storage.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL schema of its own (needs TEST_DATABASE_URL). */
export async function postgresHarness(): Promise<StorageHarness> {
  const schema = await createTestSchema();
  return { open: () => schema.open(), cleanup: () => schema.drop() };
}
