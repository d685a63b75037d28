import dotenv from "dotenv";
import { ConfigError, loadConfig } from "./config/env.js";
import { KnowledgeBaseError } from "./knowledge/load.js";
import { installGracefulShutdown } from "./lifecycle/shutdown.js";
import { startApp } from "./start.js";
import { StorageUnavailableError } from "./storage/postgres.js";

dotenv.config({ quiet: true });
try {
  const running = await startApp(loadConfig(process.env));
  installGracefulShutdown({ stop: running.stop, logger: running.logger });
  await running.finished;
} catch (error) {
  const known =
    error instanceof ConfigError ||
    error instanceof KnowledgeBaseError ||
    error instanceof StorageUnavailableError;
  if (!known) throw error;
  console.error(error.message);
  process.exit(1);
}
