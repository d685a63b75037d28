import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import type { AnswerEngine } from "../../src/answers/types.js";
import { loadConfig } from "../../src/config/env.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { createSlackApp, type SlackApp } from "../../src/slack/app.js";
import {
  createStorageEventDeduplicator,
  EVENT_DEDUPE_MESSAGES,
} from "../../src/slack/storage-event-deduplicator.js";
import type { EventDeduplicator } from "../../src/slack/types.js";
import { type RunningApp, startApp } from "../../src/start.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";
import { FakeSlackApi, type RecordedCall } from "../helpers/fake-slack-api.js";
import { captureLogs } from "../helpers/log-capture.js";
import { meaningModel } from "../helpers/meaning.js";
import { describePostgres } from "../helpers/postgres.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { postgresHarness, type StorageHarness, sqliteHarness } from "../helpers/storage-harness.js";

const SIGNING_SECRET = "dedupe-signing-secret-77";
const BOT_TOKEN = "xoxb-dedupe-bot-token";
const QUESTION = "what does Russia demand?";

let fake: FakeSlackApi;
let engine: AnswerEngine;
let tsCounter = 0;

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  engine = await createAnswerEngine(loadKnowledgeBase("data"), { meaning: await meaningModel() });
});

afterAll(async () => {
  await fake.stop();
});

function mentionEvent(): Record<string, unknown> {
  tsCounter += 1;
  const ts = `1700000300.${String(tsCounter).padStart(6, "0")}`;
  return {
    type: "app_mention",
    user: "U0001",
    text: `<@UBOT> ${QUESTION}`,
    ts,
    channel: "C0001",
    event_ts: ts,
  };
}

/** The answers posted under one mention, after a settle long enough for a second one to show. */
async function answersTo(event: Record<string, unknown>): Promise<RecordedCall[]> {
  const posts = () => fake.callsTo("chat.postMessage").filter((call) => call.body.thread_ts === event.ts);
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline && posts().length === 0)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return posts();
}

interface Copy {
  app: SlackApp;
  slack: SlackRequests;
  logs: ReturnType<typeof captureLogs>;
}

async function startCopy(events: EventDeduplicator, logs = captureLogs()): Promise<Copy> {
  const app = createSlackApp({
    config: loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
    }),
    logger: logs.logger,
    getEngine: () => engine,
    now: () => new Date(),
    feedback: createMemoryStorage(),
    questionLog: createMemoryStorage(),
    events,
  });
  const { port } = await app.start();
  return { app, slack: new SlackRequests(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET), logs };
}

function twoCopiesOnOneStore(name: string, makeHarness: () => Promise<StorageHarness>): void {
  describe(`two copies of the app sharing ${name}`, () => {
    let harness: StorageHarness;
    let copies: Copy[];

    beforeAll(async () => {
      harness = await makeHarness();
      copies = [];
      for (let i = 0; i < 2; i += 1) {
        const logs = captureLogs();
        const storage = await harness.open();
        copies.push(await startCopy(createStorageEventDeduplicator({ storage, logger: logs.logger }), logs));
      }
    });

    afterAll(async () => {
      await Promise.all(copies.map((copy) => copy.app.stop()));
      await harness.cleanup();
    });

    it("answer an event once when Slack redelivers it to the other copy", async () => {
      const [a, b] = copies as [Copy, Copy];
      const event = mentionEvent();
      const eventId = `EvShared${tsCounter}`;
      expect((await a.slack.event(event, { eventId })).status).toBe(200);
      expect((await answersTo(event)).length).toBe(1);
      expect((await b.slack.event(event, { eventId, retryNum: 1 })).status).toBe(200);
      expect((await a.slack.event(event, { eventId, retryNum: 2 })).status).toBe(200);
      const answers = await answersTo(event);
      expect(answers).toHaveLength(1);
      expect(answers[0]?.body).toMatchObject({ channel: "C0001", thread_ts: event.ts });
    });

    it("answer an event once when it reaches both copies at the same moment", async () => {
      const [a, b] = copies as [Copy, Copy];
      const event = mentionEvent();
      const eventId = `EvRace${tsCounter}`;
      const acks = await Promise.all([
        a.slack.event(event, { eventId }),
        b.slack.event(event, { eventId, retryNum: 1 }),
      ]);
      expect(acks.map((ack) => ack.status)).toEqual([200, 200]);
      expect(await answersTo(event)).toHaveLength(1);
    });
  });
}

twoCopiesOnOneStore("one SQLite file", sqliteHarness);

describePostgres("PostgreSQL", () => {
  twoCopiesOnOneStore("one PostgreSQL database", postgresHarness);
});

describe("when the store cannot be asked whether an event was handled", () => {
  let copy: Copy;
  const broken: Pick<Storage, "claimEvent" | "pruneEvents"> = {
    claimEvent: () => Promise.reject(new Error("ECONNREFUSED")),
    pruneEvents: () => Promise.reject(new Error("ECONNREFUSED")),
  };

  beforeAll(async () => {
    const logs = captureLogs();
    copy = await startCopy(createStorageEventDeduplicator({ storage: broken, logger: logs.logger }), logs);
  });

  afterAll(async () => {
    await copy.app.stop();
  });

  it("answers anyway and logs a warning; a redelivery to the same copy is still skipped", async () => {
    const event = mentionEvent();
    const eventId = `EvStoreDown${tsCounter}`;
    expect((await copy.slack.event(event, { eventId })).status).toBe(200);
    expect(await answersTo(event)).toHaveLength(1);
    expect((await copy.slack.event(event, { eventId, retryNum: 1 })).status).toBe(200);
    expect(await answersTo(event)).toHaveLength(1);
    expect(copy.logs.entries()).toContainEqual(
      expect.objectContaining({ level: "warn", msg: EVENT_DEDUPE_MESSAGES.claimFailed, eventId }),
    );
  });
});

describe("the running app (startApp) claims events in its store", () => {
  let dataDir: string;
  const running: RunningApp[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "talks-dedupe-"));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.stop()));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("two copies on one DATA_DIR answer a redelivered event once", async () => {
    for (let i = 0; i < 2; i += 1) {
      running.push(
        await startApp(
          loadConfig({
            SLACK_BOT_TOKEN: BOT_TOKEN,
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_API_URL: fake.apiUrl,
            PORT: "0",
            DATA_DIR: dataDir,
            DIGEST_CHECK_SECONDS: "3600",
          }),
          { logDestination: { write: () => undefined } },
        ),
      );
    }
    const [a, b] = running.map(
      (app) => new SlackRequests(`http://127.0.0.1:${app.port}/slack/events`, SIGNING_SECRET),
    ) as [SlackRequests, SlackRequests];
    const event = mentionEvent();
    const eventId = `EvStarted${tsCounter}`;
    expect((await a.event(event, { eventId })).status).toBe(200);
    expect(await answersTo(event)).toHaveLength(1);
    expect((await b.event(event, { eventId, retryNum: 1 })).status).toBe(200);
    expect(await answersTo(event)).toHaveLength(1);
  });
});
