/** What storage says when it cannot start; tests import these. Never include a password or a full URL. */
export const STORAGE_MESSAGES = {
  postgresUnreachable: (where: string, reason: string) =>
    `PostgreSQL at ${where} is not reachable (${reason}). Check DATABASE_URL and that the server is running.`,
  postgresBadUrl: "DATABASE_URL is not a valid postgres:// URL.",
} as const;
