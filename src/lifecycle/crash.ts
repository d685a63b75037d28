export const CRASH_MESSAGES = {
  uncaughtException: "crashed: an error nothing caught",
  unhandledRejection: "crashed: a promise rejection nothing handled",
} as const;

/** Structurally a subset of pino's Logger, so the app's redacting logger fits. */
export interface CrashLogger {
  fatal(context: object, message: string): void;
}

/** Where process-wide errors arrive: `process`, or an EventEmitter in tests. */
export interface CrashSource {
  on(event: "uncaughtException" | "unhandledRejection", listener: (error: unknown) => void): unknown;
}

/**
 * Node's own handler prints an uncaught error with util.inspect: every property of every nested
 * object, request headers included, so a Web API error printed `Authorization: Bearer xoxb-…`.
 * These handlers log it through the app's redacting logger instead, then exit 1, as Node would.
 * Returns the same handling for an error the caller caught but cannot handle.
 */
export function installCrashHandlers(options: {
  logger: CrashLogger;
  exit: (code: number) => void;
  source?: CrashSource;
}): (error: unknown) => void {
  const source = options.source ?? process;
  let crashed = false;
  const crash = (message: string) => (error: unknown) => {
    if (crashed) return;
    crashed = true;
    options.logger.fatal({ err: error }, message);
    options.exit(1);
  };
  source.on("uncaughtException", crash(CRASH_MESSAGES.uncaughtException));
  source.on("unhandledRejection", crash(CRASH_MESSAGES.unhandledRejection));
  return crash(CRASH_MESSAGES.uncaughtException);
}
