/** Orchestrators (Kubernetes, Docker, systemd) send SIGTERM; a developer's Ctrl-C sends SIGINT. */
export const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ["SIGTERM", "SIGINT"];

/** The promise, and below the usual 30 s grace period before an orchestrator's SIGKILL. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export const SHUTDOWN_MESSAGES = {
  stopping: "shutting down: no new work; finishing answers and a digest in progress",
  stopped: "stopped cleanly",
  failed: "shutdown failed",
  timedOut: "shutdown took too long; exiting with work unfinished",
  forced: "second signal while shutting down; exiting now",
} as const;

/** Structurally a subset of pino's Logger, so the app's logger fits and tests can record. */
export interface ShutdownLogger {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

/** Where signals arrive: `process`, or an EventEmitter in tests so no real signal is involved. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface GracefulShutdownOptions {
  /** Stops taking new work, finishes what is in flight, closes the database. */
  stop: () => Promise<void>;
  logger: ShutdownLogger;
  timeoutMs?: number;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  signalSource?: SignalSource;
}

/**
 * On the first SIGTERM or SIGINT: stop, then exit 0; exit 1 when stopping fails or outlasts
 * `timeoutMs`. A second signal while stopping forces exit 1 at once: orchestrators signal once and
 * then SIGKILL, so a second signal comes from a person who pressed Ctrl-C again and means it.
 * Returns a disposer that removes the handlers.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): () => void {
  const { stop, logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? SHUTDOWN_SIGNALS;
  const source: SignalSource = options.signalSource ?? process;
  let stopping = false;
  let exited = false;
  let timer: NodeJS.Timeout | undefined;

  const exitOnce = (code: number) => {
    if (exited) return;
    exited = true;
    clearTimeout(timer);
    exit(code);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, SHUTDOWN_MESSAGES.forced);
      exitOnce(1);
      return;
    }
    stopping = true;
    const startedAt = Date.now();
    logger.info({ signal, timeoutMs }, SHUTDOWN_MESSAGES.stopping);
    timer = setTimeout(() => {
      logger.error({ signal, timeoutMs }, SHUTDOWN_MESSAGES.timedOut);
      exitOnce(1);
    }, timeoutMs);
    stop().then(
      () => {
        if (exited) return;
        logger.info({ signal, durationMs: Date.now() - startedAt }, SHUTDOWN_MESSAGES.stopped);
        exitOnce(0);
      },
      (error: unknown) => {
        if (exited) return;
        logger.error({ signal, err: error, durationMs: Date.now() - startedAt }, SHUTDOWN_MESSAGES.failed);
        exitOnce(1);
      },
    );
  };

  for (const signal of signals) source.on(signal, onSignal);
  return () => {
    for (const signal of signals) source.off(signal, onSignal);
  };
}
