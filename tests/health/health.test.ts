import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import type { AnswerEngine } from "../../src/answers/types.js";
import { loadConfig } from "../../src/config/env.js";
import {
  checkHealth,
  HEALTH_PATH,
  type HealthDeps,
  healthRoutes,
  STORAGE_PING_TIMEOUT_MS,
  startHealthServer,
} from "../../src/health/health.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { createSlackApp, type SlackApp } from "../../src/slack/app.js";
import { type RunningApp, startApp } from "../../src/start.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { FakeSocketMode } from "../helpers/fake-socket-mode.js";
import { captureLogs } from "../helpers/log-capture.js";
import { meaningModel } from "../helpers/meaning.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { type StorageHarness, sqliteHarness } from "../helpers/storage-harness.js";

const SIGNING_SECRET = "health-signing-secret-0123";
let engine: AnswerEngine;
let harness: StorageHarness;
let storage: Storage;

const reachable: Pick<Storage, "ping"> = { ping: async () => true };
const down: Pick<Storage, "ping"> = { ping: async () => false };
const throwing: Pick<Storage, "ping"> = { ping: () => Promise.reject(new Error("ECONNREFUSED")) };
const hanging: Pick<Storage, "ping"> = { ping: () => new Promise<boolean>(() => undefined) };

async function getJson(url: string): Promise<{ status: number; body: unknown; type: string | null }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? null : JSON.parse(text),
    type: response.headers.get("content-type"),
  };
}

beforeAll(async () => {
  engine = await createAnswerEngine(loadKnowledgeBase("data"), { meaning: await meaningModel() });
  harness = await sqliteHarness();
  storage = await harness.open();
});

afterAll(async () => {
  await harness.cleanup();
});

describe("checkHealth", () => {
  it("is 200 with the data version and entry count when a real SQLite store answers", async () => {
    const report = await checkHealth({ getEngine: () => engine, isSlackReachable: () => true, storage });
    expect(report).toEqual({
      status: 200,
      body: {
        ok: true,
        dataVersion: engine.kb.version,
        entries: engine.kb.entries.length,
        storage: "reachable",
        slack: "reachable",
      },
    });
    expect(report.body.entries).toBeGreaterThan(0);
  });

  it("is 503 with storage unreachable when the store says so, still reporting the data served", async () => {
    expect(
      await checkHealth({ getEngine: () => engine, isSlackReachable: () => true, storage: down }),
    ).toEqual({
      status: 503,
      body: {
        ok: false,
        dataVersion: engine.kb.version,
        entries: engine.kb.entries.length,
        storage: "unreachable",
        slack: "reachable",
      },
    });
  });

  it("is 503 with slack unreachable until Slack has accepted the token, still reporting the data", async () => {
    expect(await checkHealth({ getEngine: () => engine, isSlackReachable: () => false, storage })).toEqual({
      status: 503,
      body: {
        ok: false,
        dataVersion: engine.kb.version,
        entries: engine.kb.entries.length,
        storage: "reachable",
        slack: "unreachable",
      },
    });
  });

  it("is 503 when ping throws, despite its promise not to", async () => {
    const report = await checkHealth({
      getEngine: () => engine,
      isSlackReachable: () => true,
      storage: throwing,
    });
    expect(report.status).toBe(503);
    expect(report.body.storage).toBe("unreachable");
  });

  it("is 503 within the ping timeout when storage hangs", async () => {
    const started = performance.now();
    const report = await checkHealth({
      getEngine: () => engine,
      isSlackReachable: () => true,
      storage: hanging,
      pingTimeoutMs: 100,
    });
    const elapsed = performance.now() - started;
    expect(report.status).toBe(503);
    expect(elapsed).toBeGreaterThanOrEqual(90);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("bounds a hung ping by default at about a second", async () => {
    const started = performance.now();
    expect(
      (await checkHealth({ getEngine: () => engine, isSlackReachable: () => true, storage: hanging })).status,
    ).toBe(503);
    expect(performance.now() - started).toBeLessThan(STORAGE_PING_TIMEOUT_MS + 500);
  });

  it("reports the data being served now, after a hot reload swapped it", async () => {
    let current = engine;
    const deps: HealthDeps = { getEngine: () => current, isSlackReachable: () => true, storage: reachable };
    const swapped = await createAnswerEngine(loadKnowledgeBase("tests/fixtures/knowledge/valid"), {
      meaning: null,
    });
    expect((await checkHealth(deps)).body.dataVersion).toBe(engine.kb.version);
    current = swapped;
    expect((await checkHealth(deps)).body).toMatchObject({
      dataVersion: swapped.kb.version,
      entries: swapped.kb.entries.length,
    });
    expect(swapped.kb.version).not.toBe(engine.kb.version);
  });
});

describe("the health server for Socket Mode (HEALTH_PORT)", () => {
  let closeServer: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await closeServer?.();
    closeServer = null;
  });

  async function serve(deps: HealthDeps): Promise<string> {
    const server = await startHealthServer({ port: 0, host: "127.0.0.1", deps });
    closeServer = () => server.close();
    expect(server.port).toBeGreaterThan(0);
    return `http://127.0.0.1:${server.port}`;
  }

  it("answers GET /healthz with 200 and the JSON body", async () => {
    const base = await serve({ getEngine: () => engine, isSlackReachable: () => true, storage });
    const response = await getJson(`${base}${HEALTH_PATH}`);
    expect(response.status).toBe(200);
    expect(response.type).toBe("application/json");
    expect(response.body).toEqual({
      ok: true,
      dataVersion: engine.kb.version,
      entries: engine.kb.entries.length,
      storage: "reachable",
      slack: "reachable",
    });
  });

  it("answers 503 while storage is unreachable", async () => {
    const base = await serve({ getEngine: () => engine, isSlackReachable: () => true, storage: throwing });
    const response = await getJson(`${base}${HEALTH_PATH}?probe=1`);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ ok: false, storage: "unreachable" });
  });

  it("answers 404 on any other path and 405 to other methods", async () => {
    const base = await serve({ getEngine: () => engine, isSlackReachable: () => true, storage });
    expect((await getJson(`${base}/`)).status).toBe(404);
    expect((await getJson(`${base}/slack/events`)).status).toBe(404);
    const post = await fetch(`${base}${HEALTH_PATH}`, { method: "POST", signal: AbortSignal.timeout(5_000) });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
  });

  it("frees its port on close", async () => {
    const server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      deps: { getEngine: () => engine, isSlackReachable: () => true, storage },
    });
    await server.close();
    await expect(
      fetch(`http://127.0.0.1:${server.port}${HEALTH_PATH}`, { signal: AbortSignal.timeout(2_000) }),
    ).rejects.toThrow();
  });
});

describe("GET /healthz on the HTTP receiver (HTTP mode, same server as /slack/events)", () => {
  let fake: FakeSlackApi;
  let slackApp: SlackApp;
  let base: string;
  let storageUp = true;
  const logs = captureLogs();

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-health-bot-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      LOG_LEVEL: "info",
    });
    const flakyStorage: Pick<Storage, "ping"> = { ping: async () => storageUp && storage.ping() };
    slackApp = createSlackApp({
      config,
      logger: logs.logger,
      getEngine: () => engine,
      now: () => new Date(),
      feedback: createMemoryStorage(),
      questionLog: {
        logQuestion: async (record) => {
          if (!storageUp) throw new Error("storage unreachable");
          await storage.logQuestion(record);
        },
      },
      customRoutes: healthRoutes({
        getEngine: () => engine,
        isSlackReachable: () => slackApp.isSlackReachable(),
        storage: flakyStorage,
      }),
    });
    const { port } = await slackApp.start();
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await slackApp?.stop();
    await fake?.stop();
  });

  it("answers 200 with the data version and entry count", async () => {
    storageUp = true;
    const response = await getJson(`${base}${HEALTH_PATH}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: true,
      dataVersion: engine.kb.version,
      entries: engine.kb.entries.length,
      storage: "reachable",
      slack: "reachable",
    });
  });

  it("answers 503 while storage is down, and questions are still answered meanwhile", async () => {
    storageUp = false;
    try {
      const response = await getJson(`${base}${HEALTH_PATH}`);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        ok: false,
        storage: "unreachable",
        entries: engine.kb.entries.length,
      });

      const slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);
      const ack = await slack.event({
        type: "app_mention",
        user: "U0001",
        text: "<@UBOT> what does Russia demand?",
        ts: "1700000000.000500",
        channel: "C0001",
        event_ts: "1700000000.000500",
      });
      expect(ack.status).toBe(200);
      const [posted] = await fake.waitForCalls("chat.postMessage", 1);
      const expected = (await engine.ask("what does Russia demand?")).answer;
      expect(expected.answered).toBe(true);
      expect(JSON.stringify(posted?.body.blocks)).toContain(
        JSON.stringify(expected.text.slice(0, 40)).slice(1, -1),
      );
      expect(posted?.body).toMatchObject({ channel: "C0001", thread_ts: "1700000000.000500" });
    } finally {
      storageUp = true;
    }
    expect((await getJson(`${base}${HEALTH_PATH}`)).status).toBe(200);
  });

  it("leaves other paths to Bolt: 404", async () => {
    expect((await getJson(`${base}/health`)).status).toBe(404);
  });
});

describe("the running app (startApp) serves the health check", () => {
  let fake: FakeSlackApi;
  let socketMode: FakeSocketMode;
  let dataDir: string;
  let running: RunningApp | null = null;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    socketMode = await new FakeSocketMode().start();
    dataDir = mkdtempSync(join(tmpdir(), "talks-health-"));
  });

  afterEach(async () => {
    await running?.stop();
    running = null;
    fake.reset();
  });

  afterAll(async () => {
    await socketMode.stop();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const silent = { logDestination: { write: () => undefined } };

  it("in HTTP mode, on the same port as /slack/events", async () => {
    running = await startApp(
      loadConfig({
        SLACK_BOT_TOKEN: "xoxb-health-bot-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATA_DIR: dataDir,
      }),
      silent,
    );
    expect(running.healthPort).toBeNull();
    const response = await getJson(`http://127.0.0.1:${running.port}${HEALTH_PATH}`);
    expect(response.status).toBe(200);
    const kb = running.getEngine().kb;
    expect(response.body).toEqual({
      ok: true,
      dataVersion: kb.version,
      entries: kb.entries.length,
      storage: "reachable",
      slack: "reachable",
    });
  });

  it("in Socket Mode, on HEALTH_PORT once connected to Slack, and no longer after stop()", async () => {
    fake.on((call) =>
      call.method === "apps.connections.open" ? { body: { ok: true, url: socketMode.url } } : undefined,
    );
    running = await startApp(
      loadConfig({
        SLACK_BOT_TOKEN: "xoxb-health-bot-token",
        SLACK_APP_TOKEN: "xapp-health-app-token",
        SLACK_API_URL: fake.apiUrl,
        HEALTH_PORT: "0",
        DATA_DIR: dataDir,
      }),
      silent,
    );
    expect(running.mode).toBe("socket");
    expect(socketMode.connections, "connected through SLACK_API_URL, not slack.com").toBe(1);
    const url = `http://127.0.0.1:${running.healthPort}${HEALTH_PATH}`;
    const response = await getJson(url);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, storage: "reachable" });
    await running.stop();
    running = null;
    await expect(fetch(url, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });

  it("in Socket Mode without HEALTH_PORT, no health server", async () => {
    fake.on((call) =>
      call.method === "apps.connections.open" ? { body: { ok: true, url: socketMode.url } } : undefined,
    );
    running = await startApp(
      loadConfig({
        SLACK_BOT_TOKEN: "xoxb-health-bot-token",
        SLACK_APP_TOKEN: "xapp-health-app-token",
        SLACK_API_URL: fake.apiUrl,
        DATA_DIR: dataDir,
      }),
      silent,
    );
    expect(running.healthPort).toBeNull();
  });
});
