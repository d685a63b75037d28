import { z } from "zod";
import { DEFAULT_STALE_AFTER_DAYS } from "../answers/age.js";

/**
 * The one place the environment is read. Everything is validated at once so a broken .env is
 * reported in full on the first start, and no secret's value ever reaches a message.
 */

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export type SlackConnection =
  | {
      mode: "socket";
      botToken: string;
      appToken: string;
      signingSecret: string | null;
      apiUrl: string | null;
    }
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl: string | null }
  | { mode: "console"; apiUrl: string | null };

export interface Config {
  readonly slack: Readonly<SlackConnection>;
  readonly port: number;
  /** Socket Mode has no HTTP server of its own; health checks then need a port. */
  readonly healthPort: number | null;
  readonly nodeEnv: "development" | "production" | "test";
  readonly logLevel: LogLevelName;
  readonly knowledgeDir: string;
  /** Where the embedded SQLite file lives. */
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly questionLogDays: number;
  readonly digestDefaultTimeZone: string;
  readonly digestCheckSeconds: number;
  /** Information older than this many days opens with its age wherever it is shown. */
  readonly staleAfterDays: number;
  /** Where "Ask a person" posts a question the bot declined; null: declines offer no such button. */
  readonly escalationChannel: string | null;
}

/** Variables whose values must never be shown, not even in an error. */
export const SECRET_VARIABLES = [
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "DATABASE_URL",
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; problem: string }[]) {
    super(
      [
        "The configuration is not valid:",
        ...problems.map(({ variable, problem }) => `  - ${variable}: ${problem}`),
        "See .env.example for every variable and what it expects.",
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isUrlWithProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An empty or blank variable counts as unset, as it does in most .env tooling. */
function unsetWhenBlank(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

const text = () => z.preprocess(unsetWhenBlank, z.string().trim().optional());

function integer(min: number, max: number) {
  return z.preprocess(
    unsetWhenBlank,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)
      .optional(),
  );
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: text().refine(
    (v) => v === undefined || v.startsWith("xoxb-"),
    "must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)",
  ),
  SLACK_SIGNING_SECRET: text().refine(
    (v) => v === undefined || /^\S+$/.test(v),
    "must not contain spaces (Basic Information → App Credentials → Signing Secret)",
  ),
  SLACK_APP_TOKEN: text().refine(
    (v) => v === undefined || v.startsWith("xapp-"),
    "must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)",
  ),
  SLACK_API_URL: text().refine(
    (v) => v === undefined || isUrlWithProtocol(v, ["http:", "https:"]),
    "must be an http(s) URL such as https://slack.com/api/",
  ),
  PORT: integer(0, 65_535),
  HEALTH_PORT: integer(0, 65_535),
  NODE_ENV: z.preprocess(
    unsetWhenBlank,
    z
      .enum(["development", "production", "test"], {
        error: "must be one of development, production, test",
      })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof unsetWhenBlank(v) === "string" ? String(v).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  ),
  KNOWLEDGE_DIR: text(),
  DATA_DIR: text(),
  DATABASE_URL: text().refine(
    (v) => v === undefined || isUrlWithProtocol(v, ["postgres:", "postgresql:"]),
    "must be a PostgreSQL URL such as postgres://user@host:5432/database",
  ),
  QUESTION_LOG_DAYS: integer(1, 3650),
  DIGEST_DEFAULT_TZ: text().refine(
    (v) => v === undefined || isTimeZone(v),
    "must be an IANA time zone such as UTC or Europe/Kyiv",
  ),
  DIGEST_CHECK_SECONDS: integer(1, 3600),
  STALE_AFTER_DAYS: integer(0, 3650),
  ESCALATION_CHANNEL: text().refine(
    (v) => v === undefined || /^[CG][A-Z0-9]{2,}$/.test(v),
    "must be a Slack channel ID such as C0123ABCDEF (in Slack: open the channel's details; the ID is at the bottom of About)",
  ),
});

type ParsedEnv = z.infer<typeof envSchema>;

export const CREDENTIAL_PROBLEMS = {
  appTokenWithoutBotToken: "is required with SLACK_APP_TOKEN (Socket Mode needs the bot token too)",
  signingSecretRequired:
    "is required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
  botTokenRequired: "is required with SLACK_SIGNING_SECRET",
  productionNeedsSlack:
    "is required when NODE_ENV=production (set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET for HTTP mode, or with SLACK_APP_TOKEN for Socket Mode)",
} as const;

/**
 * Which way to reach Slack follows from which credentials are set. A variable that is set but
 * malformed already has its own problem, so it counts as present here rather than as missing.
 */
function connectionOf(
  data: ParsedEnv,
  isSet: (variable: keyof ParsedEnv) => boolean,
  problems: { variable: string; problem: string }[],
): SlackConnection {
  const apiUrl = data.SLACK_API_URL === undefined ? null : withTrailingSlash(data.SLACK_API_URL);
  const botToken = data.SLACK_BOT_TOKEN ?? "";
  if (isSet("SLACK_APP_TOKEN")) {
    if (!isSet("SLACK_BOT_TOKEN"))
      problems.push({ variable: "SLACK_BOT_TOKEN", problem: CREDENTIAL_PROBLEMS.appTokenWithoutBotToken });
    return {
      mode: "socket",
      botToken,
      appToken: data.SLACK_APP_TOKEN ?? "",
      signingSecret: data.SLACK_SIGNING_SECRET ?? null,
      apiUrl,
    };
  }
  if (isSet("SLACK_BOT_TOKEN") || isSet("SLACK_SIGNING_SECRET")) {
    if (!isSet("SLACK_SIGNING_SECRET"))
      problems.push({ variable: "SLACK_SIGNING_SECRET", problem: CREDENTIAL_PROBLEMS.signingSecretRequired });
    if (!isSet("SLACK_BOT_TOKEN"))
      problems.push({ variable: "SLACK_BOT_TOKEN", problem: CREDENTIAL_PROBLEMS.botTokenRequired });
    return { mode: "http", botToken, signingSecret: data.SLACK_SIGNING_SECRET ?? "", apiUrl };
  }
  if (data.NODE_ENV === "production") {
    problems.push({ variable: "SLACK_BOT_TOKEN", problem: CREDENTIAL_PROBLEMS.productionNeedsSlack });
  }
  return { mode: "console", apiUrl };
}

/** WebClient joins method names onto the base URL, so it must end with a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Parses the environment once. Returns a frozen, typed config or throws a ConfigError listing every
 * bad variable; the messages never contain a variable's value.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems: { variable: string; problem: string }[] = [];
  // Each variable is parsed on its own so one bad value does not hide the checks of the others.
  const parsed: Record<string, unknown> = {};
  for (const [variable, schema] of Object.entries(envSchema.shape)) {
    const result = (schema as z.ZodType).safeParse(env[variable]);
    if (result.success) parsed[variable] = result.data;
    else for (const issue of result.error.issues) problems.push({ variable, problem: issue.message });
  }
  const data = parsed as ParsedEnv;
  const slack = connectionOf(data, (variable) => unsetWhenBlank(env[variable]) !== undefined, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    slack: Object.freeze(slack),
    port: data.PORT ?? 3000,
    healthPort: data.HEALTH_PORT ?? null,
    nodeEnv: data.NODE_ENV ?? "development",
    logLevel: data.LOG_LEVEL ?? "info",
    knowledgeDir: data.KNOWLEDGE_DIR ?? "data",
    dataDir: data.DATA_DIR ?? "var",
    databaseUrl: data.DATABASE_URL ?? null,
    questionLogDays: data.QUESTION_LOG_DAYS ?? 30,
    digestDefaultTimeZone: data.DIGEST_DEFAULT_TZ ?? "UTC",
    digestCheckSeconds: data.DIGEST_CHECK_SECONDS ?? 60,
    staleAfterDays: data.STALE_AFTER_DAYS ?? DEFAULT_STALE_AFTER_DAYS,
    escalationChannel: data.ESCALATION_CHANNEL ?? null,
  });
}
