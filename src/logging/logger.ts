import { type DestinationStream, type Logger, pino } from "pino";
import type { Config, LogLevelName } from "../config/env.js";

export type { Logger } from "pino";

/** Field names whose values are credentials wherever they appear in a log object. */
const SECRET_KEYS = [
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "clientSecret",
  "databaseUrl",
  "password",
  "authorization",
  "x-slack-signature",
];

export const REDACTED = "[redacted]";

const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const path = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const nested = path.startsWith("[") ? `*${path}` : `*.${path}`;
  return [
    path,
    nested,
    `headers${path.startsWith("[") ? path : `.${path}`}`,
    `*.headers${path.startsWith("[") ? path : `.${path}`}`,
  ];
});

/**
 * Tokens can also hide inside free text (a library's error message, a URL with credentials), so
 * strings are scrubbed too, not only known fields.
 */
const SECRET_PATTERNS = [
  /\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+/g,
  /(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g,
];

export function scrubSecrets(text: string): string {
  return text
    .replace(SECRET_PATTERNS[0] as RegExp, REDACTED)
    .replace(SECRET_PATTERNS[1] as RegExp, `$1${REDACTED}@`);
}

export interface LoggerOptions {
  level: LogLevelName;
  /** Extra values never to print, e.g. the configured signing secret, whatever its shape. */
  secrets?: readonly string[];
  destination?: DestinationStream;
}

/**
 * One JSON line per event (machine-readable in every environment, so what a developer sees is what
 * production ships), with credentials removed by field name, by shape, and by known value.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 4);
  const scrub = (text: string) => {
    let out = scrubSecrets(text);
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        streamWrite: scrub,
      },
    },
    options.destination,
  );
}

/** Configured values that must never appear in a log line, whatever their shape. */
export function secretsOf(config: Config): string[] {
  const slack = config.slack;
  const values = [config.databaseUrl];
  if (slack.mode !== "console") values.push(slack.botToken, slack.signingSecret);
  if (slack.mode === "socket") values.push(slack.appToken);
  return values.filter((value): value is string => value !== null && value !== "");
}

/** The app's logger: its level from LOG_LEVEL, every configured secret redacted. */
export function createAppLogger(config: Config, destination: DestinationStream): Logger {
  return createLogger({ level: config.logLevel, secrets: secretsOf(config), destination });
}
