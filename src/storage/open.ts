import { openPostgresStorage } from "./postgres.js";
import { openSqliteStorage } from "./sqlite.js";
import type { Storage } from "./types.js";

export interface OpenStorageOptions {
  /** DATABASE_URL: PostgreSQL, shared by several copies of the app. */
  databaseUrl?: string | undefined;
  /** DATA_DIR: where the embedded SQLite file lives when there is no DATABASE_URL. */
  dataDir: string;
  onPoolError?: (error: Error) => void;
  /** PostgreSQL only: how long to wait for a connection (tests shorten it). */
  connectTimeoutMs?: number;
}

/** PostgreSQL when a URL is given, else SQLite under `dataDir`. Schema migrated before it returns. */
export async function openStorage(options: OpenStorageOptions): Promise<Storage> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== "") {
    return openPostgresStorage({
      databaseUrl: options.databaseUrl,
      ...(options.onPoolError === undefined ? {} : { onPoolError: options.onPoolError }),
      ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
    });
  }
  return openSqliteStorage({ dataDir: options.dataDir });
}
