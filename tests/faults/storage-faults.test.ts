import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_IDS, encodeFeedback } from "../../src/blocks/actions.js";
import { FEEDBACK_THANKS, SOMETHING_WENT_WRONG } from "../../src/blocks/messages.js";
import { loadConfig } from "../../src/config/env.js";
import { createDigestBuilder } from "../../src/digest/build.js";
import { createSlackDigestPoster } from "../../src/digest/poster.js";
import {
  createDigestScheduler,
  type DigestScheduler,
  type SchedulerLogger,
} from "../../src/digest/scheduler.js";
import { HEALTH_PATH } from "../../src/health/health.js";
import { FEEDBACK_LOG_MESSAGES } from "../../src/slack/listeners/actions/answer-feedback.js";
import { startApp } from "../../src/start.js";
import { STORAGE_MESSAGES, StorageUnavailableError } from "../../src/storage/messages.js";
import { openStorage } from "../../src/storage/open.js";
import { openPostgresStorage } from "../../src/storage/postgres.js";
import type { Storage } from "../../src/storage/types.js";
import { FakeSlackApi, type RecordedCall } from "../helpers/fake-slack-api.js";
import { describePostgres, TEST_DATABASE_URL } from "../helpers/postgres.js";
import { buttonClick } from "../helpers/slack-requests.js";
import { sqliteHarness } from "../helpers/storage-harness.js";
import { type AppUnderFault, answerSnippet, startAppUnderFault } from "./app-harness.js";
import { SwitchableProxy } from "./switchable-proxy.js";

const UNREACHABLE_URL = "postgres://talksuser:sup3r-secret@127.0.0.1:1/x";

async function rejection(work: Promise<unknown>): Promise<Error> {
  const outcome = await work.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error("expected a rejection");
  return outcome;
}

function expectNoCredentials(text: string): void {
  expect(text).not.toContain("sup3r-secret");
  expect(text).not.toContain("talksuser");
}

describe("PostgreSQL not reachable at start-up", () => {
  it("openStorage rejects with a clear message naming the server, never the user or password", async () => {
    const error = await rejection(openStorage({ databaseUrl: UNREACHABLE_URL, dataDir: "unused" }));
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error.message).toBe(STORAGE_MESSAGES.postgresUnreachable("127.0.0.1:1/x", "ECONNREFUSED"));
    expectNoCredentials(error.message);
  });

  it("a server that accepts but never answers fails start-up within the connect timeout, not forever", async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const error = await rejection(
        openStorage({
          databaseUrl: `postgres://talksuser:sup3r-secret@127.0.0.1:${port}/x`,
          dataDir: "unused",
          connectTimeoutMs: 400,
        }),
      );
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(error.message).toContain(`127.0.0.1:${port}/x`);
      expectNoCredentials(error.message);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(Date.now() - started, "it waited for the connect timeout").toBeGreaterThanOrEqual(350);
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });

  it("startApp rejects with the same error and logs no credential", async () => {
    const lines: string[] = [];
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-startup-bot-token",
      SLACK_SIGNING_SECRET: "startup-signing-secret",
      DATABASE_URL: UNREACHABLE_URL,
      PORT: "0",
      LOG_LEVEL: "debug",
    });
    const error = await rejection(
      startApp(config, { logDestination: { write: (line: string) => lines.push(line) } }),
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expectNoCredentials(`${error.message}\n${lines.join("\n")}`);
  });

  it("the real entry point prints the clear error and exits 1", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/app.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        SLACK_BOT_TOKEN: "xoxb-startup-bot-token",
        SLACK_SIGNING_SECRET: "startup-signing-secret",
        DATABASE_URL: UNREACHABLE_URL,
        PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 15_000);
      child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(1);
    expect(output).toContain(STORAGE_MESSAGES.postgresUnreachable("127.0.0.1:1/x", "ECONNREFUSED"));
    expectNoCredentials(output);
    expect(output).not.toContain("startup-signing-secret");
  }, 20_000);
});

/** A store that can be lost and found again while the app runs. */
interface LosableStorage {
  storage: Storage;
  lose(): Promise<void>;
  restore(): Promise<void>;
  cleanup(): Promise<void>;
}

/** SQLite behind a wrapper whose every call fails while "lost" (a full disk, a broken volume). */
async function sqliteLosable(): Promise<LosableStorage> {
  const harness = await sqliteHarness();
  const real = await harness.open();
  let lost = false;
  const storage = new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || property === "close") return value;
      return (...args: unknown[]) =>
        lost ? Promise.reject(new Error("SQLITE_IOERR: disk I/O error")) : value.apply(target, args);
    },
  });
  return {
    storage,
    lose: async () => {
      lost = true;
    },
    restore: async () => {
      lost = false;
    },
    cleanup: () => harness.cleanup(),
  };
}

/** Real PostgreSQL reached through a TCP proxy that the test cuts: connections drop, new ones are refused. */
async function postgresLosable(url: string): Promise<LosableStorage> {
  const target = new URL(url);
  const proxy = await new SwitchableProxy(Number(target.port || "5432"), target.hostname).start();
  const schema = `talks_faults_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const viaProxy = new URL(url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.listeningPort);
  const storage = await openPostgresStorage({
    databaseUrl: viaProxy.toString(),
    schema,
    poolSize: 3,
    onPoolError: () => undefined,
  });
  return {
    storage,
    lose: () => proxy.refuse(),
    restore: () => proxy.restore(),
    async cleanup() {
      await proxy.restore();
      await storage.close();
      await proxy.stop();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const DUE = new Date("2025-07-22T06:00:00Z"); // 09:00 in Kyiv
const LOCAL_DATE = "2025-07-22";
const QUESTION = "what does Russia demand?";

function storageLostWhileRunning(name: string, makeStore: () => Promise<LosableStorage>): void {
  describe(`${name} lost while running`, () => {
    let fake: FakeSlackApi;
    let store: LosableStorage;
    let app: AppUnderFault;
    let now: Date;
    let schedulerLogs: { level: string; message: string }[];
    let tsCounter = 0;
    const schedulers: DigestScheduler[] = [];

    const schedulerLogger: SchedulerLogger = {
      info: (_context, message) => schedulerLogs.push({ level: "info", message }),
      warn: (_context, message) => schedulerLogs.push({ level: "warn", message }),
      error: (_context, message) => schedulerLogs.push({ level: "error", message }),
    };

    function scheduler(): DigestScheduler {
      const created = createDigestScheduler({
        storage: store.storage,
        poster: createSlackDigestPoster({
          token: "xoxb-storage-faults",
          slackApiUrl: fake.apiUrl,
          now: () => now,
        }),
        buildDigest: createDigestBuilder({
          knowledge: () => app.engine.kb,
          storage: store.storage,
          staleAfterDays: 14,
        }),
        logger: schedulerLogger,
        checkEverySeconds: 60,
        now: () => now,
        // Waits between attempts to record a delivery: no need to spend real seconds here.
        sleep: async () => undefined,
      });
      schedulers.push(created);
      return created;
    }

    const digestPostsTo = (channel: string) =>
      fake.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

    async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
      const response = await fetch(`${app.base}${HEALTH_PATH}`, { signal: AbortSignal.timeout(5_000) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }

    async function askByMention(): Promise<RecordedCall | undefined> {
      tsCounter += 1;
      const ts = `1700000200.${String(tsCounter).padStart(6, "0")}`;
      expect((await app.mention(QUESTION, ts)).status).toBe(200);
      const deadline = Date.now() + 5_000;
      let post: RecordedCall | undefined;
      while (Date.now() < deadline && post === undefined) {
        post = fake.callsTo("chat.postMessage").find((call) => call.body.thread_ts === ts);
        if (post === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return post;
    }

    beforeAll(async () => {
      fake = await new FakeSlackApi().start();
    });

    afterAll(async () => {
      await fake.stop();
    });

    beforeEach(async () => {
      fake.reset();
      schedulerLogs = [];
      now = DUE;
      store = await makeStore();
      app = await startAppUnderFault({
        apiUrl: fake.apiUrl,
        questionLog: store.storage,
        feedback: store.storage,
        storage: store.storage,
      });
      for (const channelId of ["C1", "C2"]) {
        await store.storage.subscribe({
          teamId: "T0001",
          channelId,
          time: "09:00",
          timeZone: "Europe/Kyiv",
          cadence: "daily",
          createdBy: "U1",
          now: new Date("2025-07-01T00:00:00Z"),
        });
      }
    });

    afterEach(async () => {
      await Promise.all(schedulers.splice(0).map((created) => created.stop()));
      await app.stop();
      await store.restore();
      await store.cleanup();
    });

    it("questions are still answered and health says 503; digests wait and then go out once each", async () => {
      expect((await health()).status).toBe(200);
      await store.lose();

      const healthWhileLost = await health();
      expect(healthWhileLost.status).toBe(503);
      expect(healthWhileLost.body).toMatchObject({ ok: false, storage: "unreachable" });

      const answer = await askByMention();
      expect(JSON.stringify(answer?.body.blocks)).toContain(await answerSnippet(app.engine, QUESTION));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const warned = app.logs.entries().filter((line) => line.level === "warn" || line.level === "error");
      expect(warned.length, "the question log's failure is logged").toBeGreaterThan(0);

      const running = scheduler();
      expect(await running.tick(DUE)).toEqual([]);
      expect(digestPostsTo("C1")).toEqual([]);
      expect(schedulerLogs.some((line) => line.level === "error")).toBe(true);

      await store.restore();
      expect((await health()).status).toBe(200);
      now = new Date(DUE.getTime() + 60_000);
      expect(await running.tick(now)).toMatchObject([
        { channelId: "C1", result: "delivered" },
        { channelId: "C2", result: "delivered" },
      ]);
      now = new Date(DUE.getTime() + 20 * 60_000);
      expect(await running.tick(now)).toEqual([]);
      expect(await scheduler().tick(now)).toEqual([]);
      expect(digestPostsTo("C1")).toHaveLength(1);
      expect(digestPostsTo("C2")).toHaveLength(1);
      for (const channelId of ["C1", "C2"]) {
        expect(await store.storage.getDelivery(channelId, LOCAL_DATE)).toMatchObject({ state: "delivered" });
      }

      // Back to normal: questions are logged again.
      await askByMention();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const logged = await store.storage.questionsSince(new Date(0));
      expect(logged.length).toBeGreaterThanOrEqual(1);
    }, 20_000);

    it("lost just after Slack took a digest: not posted again, and recorded when the store is back", async () => {
      const running = scheduler();
      fake.on((call) => {
        if (call.method === "chat.postMessage" && call.body.channel === "C1") void store.lose();
        return undefined;
      });
      const results = await running.tick(DUE);
      const [c1] = results.filter((result) => result.channelId === "C1");
      expect(c1).toMatchObject({ result: "delivered" });
      expect(digestPostsTo("C1")).toHaveLength(1);
      expect(
        schedulerLogs.some((line) => line.level === "error"),
        "the lost record is logged",
      ).toBe(true);

      now = new Date(DUE.getTime() + 10 * 60_000);
      await running.tick(now);
      await store.restore();
      now = new Date(DUE.getTime() + 11 * 60_000);
      await running.tick(now);
      now = new Date(DUE.getTime() + 30 * 60_000);
      await running.tick(now);
      await scheduler().tick(now);

      expect(digestPostsTo("C1")).toHaveLength(1);
      expect(digestPostsTo("C2")).toHaveLength(1);
      expect(await store.storage.getDelivery("C1", LOCAL_DATE)).toMatchObject({
        state: "delivered",
        messageTs: c1?.result === "delivered" ? c1.ts : "not delivered",
      });
      expect(await store.storage.getDelivery("C2", LOCAL_DATE)).toMatchObject({ state: "delivered" });
    }, 20_000);

    it("a feedback click while the store is lost gets the thanks or a clear fallback, and the app keeps serving", async () => {
      await store.lose();
      const click = buttonClick(
        {
          action_id: ACTION_IDS.feedbackHelpful,
          value: encodeFeedback({
            entryId: "russia-demands",
            helpful: true,
            normalisedQuestion: "russia demand",
          }),
        },
        { responseUrl: fake.responseUrl("feedback-lost") },
      );
      expect((await app.slack.blockAction(click)).status).toBe(200);
      const [reply] = await fake.waitForCalls("response_url", 1, 5_000);
      const shown = [SOMETHING_WENT_WRONG, FEEDBACK_THANKS.helpful].filter((text) =>
        JSON.stringify(reply?.body).includes(text),
      );
      expect(shown).toHaveLength(1);
      // Only the record was lost, and that is the curator's problem, not the user's: thanked anyway.
      expect(shown).toEqual([FEEDBACK_THANKS.helpful]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(app.logs.entries()).toContainEqual(
        expect.objectContaining({ level: "warn", msg: FEEDBACK_LOG_MESSAGES.notRecorded }),
      );
      const answer = await askByMention();
      expect(JSON.stringify(answer?.body.blocks)).toContain(await answerSnippet(app.engine, QUESTION));
    }, 20_000);
  });
}

storageLostWhileRunning("SQLite (every call failing)", sqliteLosable);

describePostgres("PostgreSQL", () => {
  storageLostWhileRunning("PostgreSQL (connections cut, then refused)", () =>
    postgresLosable(TEST_DATABASE_URL ?? ""),
  );
});
