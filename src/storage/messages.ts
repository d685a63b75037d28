/**
 * What storage says when it cannot start; tests import these. Each is one line naming the setting
 * at fault and why. Never include a password or a full URL.
 */
export const STORAGE_MESSAGES = {
  postgresUnreachable: (where: string, reason: string) =>
    `PostgreSQL at ${where} is not reachable (${reason}). Check DATABASE_URL and that the server is running.`,
  postgresLoginRefused: (where: string, code: string) =>
    `PostgreSQL at ${where} refused the user name or password in DATABASE_URL (${code}). Check the credentials in DATABASE_URL.`,
  postgresNoDatabase: (where: string, database: string) =>
    `PostgreSQL at ${where} has no database "${database}" (3D000). Create it, or fix the database name in DATABASE_URL.`,
  postgresBadUrl: "DATABASE_URL is not a valid postgres:// URL.",
  dataDirNotFolder: (dir: string, code: string) =>
    `DATA_DIR ${dir} is not a folder: a file is in the way (${code}). Point DATA_DIR at a folder, or move the file.`,
  dataDirNotWritable: (dir: string, code: string) =>
    `DATA_DIR ${dir} is not writable (${code}). Give the app's user write access to it, or point DATA_DIR elsewhere.`,
  sqliteNotADatabase: (file: string) =>
    `DATA_DIR holds ${file}, which is not a SQLite database (SQLITE_NOTADB). Restore it from a backup, or move it away to start with an empty store.`,
  sqliteDamaged: (file: string, detail: string) =>
    `DATA_DIR holds ${file}, which is damaged (${detail}). Restore it from a backup, or move it away to start with an empty store.`,
} as const;

/** Stops start-up: the store named in the message cannot be used as configured. */
export class StorageUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageUnavailableError";
  }
}
