import { describe, expect, it } from "vitest";
import { ConfigError, CREDENTIAL_PROBLEMS, loadConfig } from "../../src/config/env.js";

const BOT = "xoxb-1111-secretbotvalue";
const SECRET = "signing-secret-value-123";
const APP = "xapp-1-secretappvalue";

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("starts the local console with defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.slack.mode).toBe("console");
    expect(config).toMatchObject({
      port: 3000,
      healthPort: null,
      nodeEnv: "development",
      logLevel: "info",
      knowledgeDir: "data",
      dataDir: "var",
      databaseUrl: null,
      questionLogDays: 30,
      digestDefaultTimeZone: "UTC",
      digestCheckSeconds: 60,
    });
  });

  it("picks HTTP mode with a bot token and signing secret", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: "0" });
    expect(config.slack).toEqual({ mode: "http", botToken: BOT, signingSecret: SECRET, apiUrl: null });
    expect(config.port).toBe(0);
  });

  it("picks Socket Mode when an app token is set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config.slack).toMatchObject({ mode: "socket", botToken: BOT, appToken: APP, signingSecret: null });
  });

  it("treats empty and blank variables as unset", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "  ", PORT: "", LOG_LEVEL: "" });
    expect(config.slack.mode).toBe("console");
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe("info");
  });

  it("reads every variable of the later issues", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      HEALTH_PORT: "8081",
      NODE_ENV: "production",
      LOG_LEVEL: "WARN",
      KNOWLEDGE_DIR: "kb",
      DATA_DIR: "/tmp/talks",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      QUESTION_LOG_DAYS: "7",
      DIGEST_DEFAULT_TZ: "Europe/Kyiv",
      DIGEST_CHECK_SECONDS: "15",
      STALE_AFTER_DAYS: "7",
    });
    expect(config.slack.apiUrl).toBe("http://127.0.0.1:9999/api/");
    expect(config).toMatchObject({
      healthPort: 8081,
      nodeEnv: "production",
      logLevel: "warn",
      knowledgeDir: "kb",
      dataDir: "/tmp/talks",
      databaseUrl: "postgres://postgres@127.0.0.1:5432/test",
      questionLogDays: 7,
      digestDefaultTimeZone: "Europe/Kyiv",
      digestCheckSeconds: 15,
      staleAfterDays: 7,
    });
  });

  it("flags information as stale after 14 days unless STALE_AFTER_DAYS says otherwise", () => {
    expect(loadConfig({}).staleAfterDays).toBe(14);
    expect(loadConfig({ STALE_AFTER_DAYS: "0" }).staleAfterDays).toBe(0);
    expect(problemsOf({ STALE_AFTER_DAYS: "two weeks" }).problems).toEqual([
      { variable: "STALE_AFTER_DAYS", problem: "must be a whole number from 0 to 3650" },
    ]);
  });

  it("reads ESCALATION_CHANNEL as a channel id; unset (or empty) means declines offer no person", () => {
    expect(loadConfig({}).escalationChannel).toBeNull();
    expect(loadConfig({ ESCALATION_CHANNEL: "  " }).escalationChannel).toBeNull();
    expect(loadConfig({ ESCALATION_CHANNEL: "C0123ABCDEF" }).escalationChannel).toBe("C0123ABCDEF");
    expect(loadConfig({ ESCALATION_CHANNEL: "G0123ABCDEF" }).escalationChannel).toBe("G0123ABCDEF");
    for (const bad of ["#talks-help", "talks-help", "c0123abc", "U0123ABCDEF"]) {
      expect(problemsOf({ ESCALATION_CHANNEL: bad }).problems).toEqual([
        { variable: "ESCALATION_CHANNEL", problem: expect.stringContaining("must be a Slack channel ID") },
      ]);
    }
  });

  it("returns a frozen config", () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.slack)).toBe(true);
  });

  it("names what is missing when credentials are partial", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT }).problems).toEqual([
      { variable: "SLACK_SIGNING_SECRET", problem: CREDENTIAL_PROBLEMS.signingSecretRequired },
    ]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: SECRET }).problems).toEqual([
      { variable: "SLACK_BOT_TOKEN", problem: CREDENTIAL_PROBLEMS.botTokenRequired },
    ]);
    expect(problemsOf({ SLACK_APP_TOKEN: APP }).problems).toEqual([
      { variable: "SLACK_BOT_TOKEN", problem: CREDENTIAL_PROBLEMS.appTokenWithoutBotToken },
    ]);
  });

  it("refuses to start the console in production", () => {
    expect(problemsOf({ NODE_ENV: "production" }).problems).toEqual([
      { variable: "SLACK_BOT_TOKEN", problem: CREDENTIAL_PROBLEMS.productionNeedsSlack },
    ]);
  });

  it("lists every bad variable at once without printing any value", () => {
    const env = {
      SLACK_BOT_TOKEN: "xoxp-user-token-secret",
      SLACK_SIGNING_SECRET: "has space secret",
      SLACK_APP_TOKEN: "not-an-app-token-secret",
      SLACK_API_URL: "ftp://nope",
      PORT: "70000",
      HEALTH_PORT: "abc",
      NODE_ENV: "staging",
      LOG_LEVEL: "loud",
      DATABASE_URL: "mysql://root:hunter2@db/x",
      QUESTION_LOG_DAYS: "0",
      DIGEST_DEFAULT_TZ: "Mars/Olympus",
      DIGEST_CHECK_SECONDS: "-5",
      STALE_AFTER_DAYS: "-1",
    };
    const error = problemsOf(env);
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      [
        "DATABASE_URL",
        "DIGEST_CHECK_SECONDS",
        "DIGEST_DEFAULT_TZ",
        "HEALTH_PORT",
        "LOG_LEVEL",
        "NODE_ENV",
        "PORT",
        "QUESTION_LOG_DAYS",
        "SLACK_API_URL",
        "SLACK_APP_TOKEN",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "STALE_AFTER_DAYS",
      ].sort(),
    );
    for (const value of Object.values(env)) {
      if (value.length > 3) expect(error.message).not.toContain(value);
    }
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
  });

  it("does not also call a malformed credential missing", () => {
    const error = problemsOf({ SLACK_BOT_TOKEN: "wrong", SLACK_SIGNING_SECRET: SECRET });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.variable).toBe("SLACK_BOT_TOKEN");
  });
});
