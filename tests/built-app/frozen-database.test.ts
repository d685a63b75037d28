import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SHUTDOWN_MESSAGES } from "../../src/lifecycle/shutdown.js";
import { SwitchableProxy } from "../faults/switchable-proxy.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { describePostgres, TEST_DATABASE_URL } from "../helpers/postgres.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { type BuiltApp, leakedSecrets, spawnBuiltApp } from "./built-app.js";

const BOT_TOKEN = "xoxb-frozen-bot-token-4c19";
const SIGNING_SECRET = "frozen-signing-secret-b73e";

describePostgres("a database link that freezes (no reply, no reset)", () => {
  let fake: FakeSlackApi;
  let proxy: SwitchableProxy;
  let admin: pg.Client;
  let schema: string;
  let app: BuiltApp;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    const database = new URL(TEST_DATABASE_URL as string);
    proxy = await new SwitchableProxy(Number(database.port || "5432"), database.hostname).start();
    schema = `talks_frozen_${randomBytes(4).toString("hex")}`;
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  });

  afterAll(async () => {
    app?.kill();
    await proxy.stop();
    await fake.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  it("does not stop SIGTERM from ending the app with 0 within 10 s, answers in flight included", async () => {
    const throughProxy = new URL(TEST_DATABASE_URL as string);
    throughProxy.hostname = "127.0.0.1";
    throughProxy.port = String(proxy.listeningPort);
    throughProxy.searchParams.set("options", `-c search_path=${schema}`);
    app = spawnBuiltApp({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_URL: throughProxy.href,
        DIGEST_CHECK_SECONDS: "3600",
        LOG_LEVEL: "info",
      },
    });
    const base = await app.running();
    const slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);

    proxy.freeze();
    // A mention claims its event in the database before answering: that query now hangs.
    const ack = await slack.event({
      type: "app_mention",
      user: "U0001",
      text: "<@UBOT> when is the next round?",
      ts: "1700000000.000900",
      channel: "C0001",
      event_ts: "1700000000.000900",
    });
    expect(ack.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    app.child.kill("SIGTERM");

    const exit = await app.exitWithin(10_000);
    expect(exit, "exited within 10 s of SIGTERM").not.toBeNull();
    expect(exit?.code).toBe(0);
    expect((exit?.at ?? 0) - signalledAt).toBeLessThan(10_000);
    expect(app.logs.some((line) => line.msg === SHUTDOWN_MESSAGES.stopped)).toBe(true);
    // The mention was still answered (the store could not say whether it was a redelivery).
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(leakedSecrets(app.output(), [BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
  }, 30_000);
});
