import { format } from "node:util";
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

export function toBoltLevel(level: string): LogLevel {
  switch (level) {
    case "trace":
    case "debug":
      return LogLevel.DEBUG;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

/** Bolt and its Web client log through the app's logger, so their lines are redacted and JSON too. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let target = logger.child({ source: "bolt" });
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]) => {
      // Bolt logs several debug lines per request: format none of them unless they will be written.
      if (!target.isLevelEnabled(level)) return;
      const error = msg.find((part): part is Error => part instanceof Error);
      const text = format(...msg.filter((part) => part !== error));
      if (error === undefined) target[level](text);
      else target[level]({ err: error }, text);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // Bolt may ask for a chattier level than the app's; the app's LOG_LEVEL stays the floor.
    setLevel(level: LogLevel) {
      const wanted = TO_PINO[level] ?? "info";
      const wantedValue = logger.levels.values[wanted] ?? 0;
      target.level = logger.levelVal > wantedValue ? logger.level : wanted;
    },
    getLevel() {
      return toBoltLevel(target.level);
    },
    setName(name: string) {
      target = logger.child({ source: name });
    },
  };
}
