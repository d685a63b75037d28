import dotenv from "dotenv";
import { type Config, ConfigError, loadConfig } from "./config/env.js";
import { installCrashHandlers } from "./lifecycle/crash.js";
import { exitAfterLogDrained, LOG_DRAIN_MS } from "./lifecycle/exit.js";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, installGracefulShutdown } from "./lifecycle/shutdown.js";
import { isStartupError } from "./lifecycle/startup-errors.js";
import { createLogDestination } from "./logging/destination.js";
import { createAppLogger } from "./logging/logger.js";
import { startApp } from "./start.js";

dotenv.config({ quiet: true });
let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
// The console prints answers on stdout, so its log goes to stderr.
const log = createLogDestination(config.slack.mode === "console" ? process.stderr : process.stdout);
const logger = createAppLogger(config, log);
const exit = exitAfterLogDrained(log);
const crash = installCrashHandlers({ logger, exit });
try {
  const running = await startApp(config, { logger });
  void running.tokenRejected.then(async (error) => {
    process.stderr.write(`${error.message}\n`);
    await running.stop().catch(() => undefined);
    exit(1);
  });
  installGracefulShutdown({
    stop: running.stop,
    logger,
    exit,
    timeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS - LOG_DRAIN_MS,
  });
  await running.finished;
} catch (error) {
  if (!isStartupError(error)) crash(error);
  else {
    // One line naming the setting at fault and why, for whoever starts the app.
    process.stderr.write(`${error.message}\n`);
    exit(1);
  }
}
