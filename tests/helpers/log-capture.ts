import { createLogger, type Logger } from "../../src/logging/logger.js";

/** A logger whose JSON lines are kept in memory, so tests can assert on what was logged. */
export function captureLogs(secrets: string[] = []): {
  logger: Logger;
  lines: string[];
  entries: () => Record<string, unknown>[];
} {
  const lines: string[] = [];
  const logger = createLogger({
    level: "debug",
    secrets,
    destination: { write: (line: string) => lines.push(line) },
  });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
