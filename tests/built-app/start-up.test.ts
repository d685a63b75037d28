import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HEALTH_PATH } from "../../src/health/health.js";
import { CRASH_MESSAGES } from "../../src/lifecycle/crash.js";
import { SLACK_REACH_MESSAGES } from "../../src/slack/reach-slack.js";
import { SwitchableProxy } from "../faults/switchable-proxy.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { FakeSocketMode } from "../helpers/fake-socket-mode.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { type BuiltApp, leakedSecrets, REPO_ROOT, spawnBuiltApp } from "./built-app.js";

const BOT_TOKEN = "xoxb-startup-bot-token-61b0";
const SIGNING_SECRET = "startup-signing-secret-7c2d";
const APP_TOKEN = "xapp-startup-app-token-3e8f";
const SECRETS = [BOT_TOKEN, SIGNING_SECRET, APP_TOKEN];

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls until `check` passes or `timeoutMs` is up. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
const CRASH_FAULT = pathToFileURL(join(REPO_ROOT, "tests/built-app/faults/crash-after-start.mjs")).href;

describe("start-up and crashes of the built app", () => {
  let fake: FakeSlackApi;
  let dir: string;
  let app: BuiltApp | null = null;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    dir = mkdtempSync(join(tmpdir(), "talks-startup-"));
  });
  afterEach(() => {
    app?.kill();
    app = null;
    fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a person starting the app sees on standard error: its non-empty lines. */
  const stderrLines = (started: BuiltApp) =>
    started
      .stderr()
      .split("\n")
      .filter((line) => line.trim() !== "");

  const httpEnv = () => ({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATA_DIR: join(dir, "var"),
    DIGEST_CHECK_SECONDS: "3600",
    LOG_LEVEL: "info",
  });

  it("stops with one line naming SLACK_BOT_TOKEN, and exit 1, when Slack rejects the bot token", async () => {
    fake.on((call) =>
      call.method === "auth.test" ? { body: { ok: false, error: "invalid_auth" } } : undefined,
    );
    app = spawnBuiltApp({ env: httpEnv() });
    const exit = await app.exitWithin(15_000);
    expect(exit?.code).toBe(1);
    expect(stderrLines(app)).toEqual([SLACK_REACH_MESSAGES.rejected("SLACK_BOT_TOKEN", "invalid_auth")]);
    expect(leakedSecrets(app.output(), SECRETS)).toEqual([]);
  }, 30_000);

  it("stops with one line naming SLACK_APP_TOKEN, and exit 1, when Slack rejects the app token", async () => {
    fake.on((call) =>
      call.method === "apps.connections.open" ? { body: { ok: false, error: "invalid_auth" } } : undefined,
    );
    app = spawnBuiltApp({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: fake.apiUrl,
        DATA_DIR: join(dir, "var"),
        DIGEST_CHECK_SECONDS: "3600",
      },
    });
    const exit = await app.exitWithin(15_000);
    expect(exit?.code).toBe(1);
    expect(stderrLines(app)).toEqual([SLACK_REACH_MESSAGES.rejected("SLACK_APP_TOKEN", "invalid_auth")]);
    expect(leakedSecrets(app.output(), SECRETS)).toEqual([]);
  }, 30_000);

  it("stays up while Slack's API cannot be reached, says so on /healthz, and carries on once it can", async () => {
    const proxy = await new SwitchableProxy(Number(new URL(fake.apiUrl).port)).start();
    const apiUrl = `http://127.0.0.1:${proxy.listeningPort}/api/`;
    await proxy.refuse();
    try {
      app = spawnBuiltApp({ env: { ...httpEnv(), SLACK_API_URL: apiUrl } });
      const base = await app.running();
      const unreachable = await health(`${base}${HEALTH_PATH}`);
      expect(unreachable).toMatchObject({
        status: 503,
        body: { slack: "unreachable", storage: "reachable" },
      });
      // The app used to crash 3.6 s after it said it was running; a slash command is answered meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(app.child.exitCode).toBeNull();
      const slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);
      const ack = await slack.command("status", fake.responseUrl("startup"));
      expect(ack.status).toBe(200);
      expect(ack.body).toContain("Where the talks stand");
      expect(app.logs.some((line) => line.msg === SLACK_REACH_MESSAGES.unreachable)).toBe(true);

      await proxy.restore();
      const reached = await eventually(
        async () => (await health(`${base}${HEALTH_PATH}`)).status === 200,
        25_000,
      );
      expect(reached, "healthy once Slack answers again").toBe(true);
      expect((await health(`${base}${HEALTH_PATH}`)).body).toMatchObject({ ok: true, slack: "reachable" });

      app.child.kill("SIGTERM");
      expect((await app.exitWithin(10_000))?.code).toBe(0);
      expect(leakedSecrets(app.output(), SECRETS)).toEqual([]);
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  it("stops with the same one line when Slack, reached only later, rejects the bot token", async () => {
    const proxy = await new SwitchableProxy(Number(new URL(fake.apiUrl).port)).start();
    await proxy.refuse();
    fake.on((call) =>
      call.method === "auth.test" ? { body: { ok: false, error: "token_revoked" } } : undefined,
    );
    try {
      app = spawnBuiltApp({
        env: { ...httpEnv(), SLACK_API_URL: `http://127.0.0.1:${proxy.listeningPort}/api/` },
      });
      await app.running();
      await proxy.restore();
      const exit = await app.exitWithin(30_000);
      expect(exit?.code).toBe(1);
      expect(stderrLines(app)).toEqual([SLACK_REACH_MESSAGES.rejected("SLACK_BOT_TOKEN", "token_revoked")]);
      expect(leakedSecrets(app.output(), SECRETS)).toEqual([]);
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  it("in Socket Mode, keeps trying to connect while Slack cannot be reached, with /healthz on HEALTH_PORT saying so", async () => {
    const socketMode = await new FakeSocketMode().start();
    const proxy = await new SwitchableProxy(Number(new URL(fake.apiUrl).port)).start();
    fake.on((call) =>
      call.method === "apps.connections.open" ? { body: { ok: true, url: socketMode.url } } : undefined,
    );
    await proxy.refuse();
    try {
      app = spawnBuiltApp({
        env: {
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_APP_TOKEN: APP_TOKEN,
          SLACK_API_URL: `http://127.0.0.1:${proxy.listeningPort}/api/`,
          HEALTH_PORT: "0",
          DATA_DIR: join(dir, "var-socket"),
          DIGEST_CHECK_SECONDS: "3600",
          LOG_LEVEL: "info",
        },
      });
      const running = await app.waitForLog("talks bot is running", 30_000);
      const url = `http://127.0.0.1:${String(running.healthPort)}${HEALTH_PATH}`;
      expect(await health(url)).toMatchObject({ status: 503, body: { slack: "unreachable" } });
      expect(socketMode.connections).toBe(0);

      await proxy.restore();
      expect(await eventually(async () => (await health(url)).status === 200, 25_000)).toBe(true);
      expect(socketMode.connections).toBe(1);
      app.child.kill("SIGTERM");
      expect((await app.exitWithin(10_000))?.code).toBe(0);
      expect(leakedSecrets(app.output(), SECRETS)).toEqual([]);
    } finally {
      await proxy.stop();
      await socketMode.stop();
    }
  }, 60_000);

  it.each([
    ["exception", CRASH_MESSAGES.uncaughtException],
    ["rejection", CRASH_MESSAGES.unhandledRejection],
  ])(
    "an uncaught %s is logged through the redacting logger and the app exits 1, printing no token",
    async (kind, message) => {
      const app = spawnBuiltApp({
        nodeArgs: ["--import", CRASH_FAULT],
        env: { ...httpEnv(), CRASH_KIND: kind },
      });
      try {
        const exit = await app.exitWithin(15_000);
        expect(exit?.code).toBe(1);
        const fatal = app.logs.find((line) => line.level === "fatal");
        expect(fatal?.msg).toBe(message);
        expect(fatal?.err).toMatchObject({ message: expect.stringContaining("An API error occurred") });
        expect(leakedSecrets(app.output(), [BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
      } finally {
        app.kill();
      }
    },
    30_000,
  );
});
