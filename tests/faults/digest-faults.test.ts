import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDigestBuilder } from "../../src/digest/build.js";
import { createSlackDigestPoster, type RetryPolicy } from "../../src/digest/poster.js";
import {
  createDigestScheduler,
  type DigestScheduler,
  type SchedulerLogger,
} from "../../src/digest/scheduler.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { Storage } from "../../src/storage/types.js";
import { FakeSlackApi, type RecordedCall } from "../helpers/fake-slack-api.js";
import { type StorageHarness, sqliteHarness } from "../helpers/storage-harness.js";
import { SwitchableProxy } from "./switchable-proxy.js";

/** Real waits, kept short: these tests are about real sockets, not the retry arithmetic. */
const RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 60, maxDelayMs: 240 };
const LEASE_MS = 5 * 60_000;
const DUE = new Date("2025-07-22T06:00:00Z"); // 09:00 in Kyiv
const LOCAL_DATE = "2025-07-22";

let fake: FakeSlackApi;
let proxy: SwitchableProxy;
let kb: KnowledgeBase;
let harness: StorageHarness;
let storage: Storage;
let now: Date;
let logs: { level: string; message: string; context: object }[];
const schedulers: DigestScheduler[] = [];

const logger: SchedulerLogger = {
  info: (context, message) => logs.push({ level: "info", message, context }),
  warn: (context, message) => logs.push({ level: "warn", message, context }),
  error: (context, message) => logs.push({ level: "error", message, context }),
};

function scheduler(options: { requestTimeoutMs?: number } = {}): DigestScheduler {
  const created = createDigestScheduler({
    storage,
    poster: createSlackDigestPoster({
      token: "xoxb-digest-faults",
      slackApiUrl: `http://127.0.0.1:${proxy.listeningPort}/api/`,
      retry: RETRY,
      now: () => now,
      ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    }),
    buildDigest: createDigestBuilder({ knowledge: () => kb, storage, staleAfterDays: 14 }),
    logger,
    checkEverySeconds: 60,
    leaseMs: LEASE_MS,
    now: () => now,
  });
  schedulers.push(created);
  return created;
}

/** Calls the fake answered with an error: Slack did not post those. */
let refusedBySlack: WeakSet<RecordedCall>;

/** Channels of the posts Slack accepted (answered ok), in order. */
function accepted(): string[] {
  return fake
    .callsTo("chat.postMessage")
    .filter((call) => !refusedBySlack.has(call))
    .map((call) => String(call.body.channel));
}

/** Slack accepting the post, after a while. */
function slowOk(call: RecordedCall, delayMs: number) {
  return { delayMs, body: { ok: true, channel: call.body.channel, ts: "1700000000.900001" } };
}

async function expectDeliveredOnce(channelId: string): Promise<void> {
  expect(accepted().filter((channel) => channel === channelId)).toHaveLength(1);
  const delivery = await storage.getDelivery(channelId, LOCAL_DATE);
  expect(delivery).toMatchObject({ state: "delivered" });
  expect(delivery?.messageTs).toMatch(/^1700000000\./);
}

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  proxy = await new SwitchableProxy(Number(new URL(fake.apiUrl).port)).start();
  kb = loadKnowledgeBase("data");
});

afterAll(async () => {
  await proxy.stop();
  await fake.stop();
});

beforeEach(async () => {
  fake.reset();
  refusedBySlack = new WeakSet();
  logs = [];
  now = DUE;
  harness = await sqliteHarness();
  storage = await harness.open();
  await storage.subscribe({
    teamId: "T1",
    channelId: "C1",
    time: "09:00",
    timeZone: "Europe/Kyiv",
    cadence: "daily",
    createdBy: "U1",
    now: new Date("2025-07-01T00:00:00Z"),
  });
});

afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((created) => created.stop()));
  await proxy.restore();
  await harness.cleanup();
});

describe("Slack faults while posting a digest (SQLite)", () => {
  it("refused connections: retried with backoff, delivered once when Slack is back", async () => {
    await proxy.refuse();
    const restoring = new Promise((resolve) => setTimeout(resolve, 250)).then(() => proxy.restore());
    const results = await scheduler().tick(DUE);
    await restoring;
    expect(results).toMatchObject([{ channelId: "C1", result: "delivered" }]);
    await expectDeliveredOnce("C1");
  }, 10_000);

  it("refused for every attempt: keeps the claim, retries after the lease, delivers once the same day", async () => {
    await proxy.refuse();
    const first = scheduler();
    expect(await first.tick(DUE)).toMatchObject([{ result: "failed" }]);
    expect(accepted()).toEqual([]);
    expect(logs.some((line) => line.level === "warn" || line.level === "error")).toBe(true);
    await proxy.restore();
    // Before the lease ends nobody retries: the failed attempts might yet have reached Slack.
    now = new Date(DUE.getTime() + 60_000);
    expect(await first.tick(now)).toEqual([]);
    // After it, any copy (here: a restarted one) retries.
    now = new Date(DUE.getTime() + LEASE_MS + 60_000);
    expect(await scheduler().tick(now)).toMatchObject([{ result: "delivered" }]);
    await expectDeliveredOnce("C1");
    now = new Date(DUE.getTime() + LEASE_MS + 120_000);
    expect(await first.tick(now)).toEqual([]);
    await expectDeliveredOnce("C1");
  }, 10_000);

  it("500, then 429 with Retry-After, then ok: waits as told and delivers once", async () => {
    const faults = [
      { status: 500, body: "" },
      { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } },
    ];
    fake.on((call) => {
      const fault = call.method === "chat.postMessage" ? faults.shift() : undefined;
      if (fault !== undefined) refusedBySlack.add(call);
      return fault;
    });
    expect(await scheduler().tick(DUE)).toMatchObject([{ result: "delivered" }]);
    const attempts = fake.callsTo("chat.postMessage");
    expect(attempts).toHaveLength(3);
    expect((attempts[2]?.at ?? 0) - (attempts[1]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    await expectDeliveredOnce("C1");
  }, 10_000);

  it("slow Slack within the request timeout: one post, recorded once", async () => {
    fake.on((call) => (call.method === "chat.postMessage" ? slowOk(call, 500) : undefined));
    expect(await scheduler({ requestTimeoutMs: 5_000 }).tick(DUE)).toMatchObject([{ result: "delivered" }]);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    await expectDeliveredOnce("C1");
  }, 10_000);

  it("slow Slack past the request timeout: posted once, not retried, counted delivered with a warning", async () => {
    fake.on((call) => (call.method === "chat.postMessage" ? slowOk(call, 300) : undefined));
    expect(await scheduler({ requestTimeoutMs: 100 }).tick(DUE)).toMatchObject([
      { result: "delivered", ts: "" },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(accepted()).toEqual(["C1"]);
    expect(await storage.getDelivery("C1", LOCAL_DATE)).toMatchObject({ state: "delivered", messageTs: "" });
    expect(logs.filter((line) => line.level === "warn").map((line) => line.message)).toEqual([
      "digest sent but Slack did not confirm it; counted as delivered so it is not posted twice",
    ]);
    now = new Date(DUE.getTime() + LEASE_MS + 60_000);
    expect(await scheduler().tick(now)).toEqual([]);
    expect(accepted()).toEqual(["C1"]);
  }, 10_000);

  it("the connection cut while Slack holds the post: not posted again", async () => {
    fake.on((call) => {
      if (call.method !== "chat.postMessage") return undefined;
      void proxy.refuse().then(() => proxy.restore());
      return slowOk(call, 300);
    });
    expect(await scheduler().tick(DUE)).toMatchObject([{ result: "delivered", ts: "" }]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(accepted()).toEqual(["C1"]);
    now = new Date(DUE.getTime() + LEASE_MS + 60_000);
    expect(await scheduler().tick(now)).toEqual([]);
    expect(accepted()).toEqual(["C1"]);
  }, 10_000);

  it("a delivery in progress is finished by stop() even while Slack is slow, and not posted again", async () => {
    fake.on((call) => (call.method === "chat.postMessage" ? slowOk(call, 700) : undefined));
    const running = scheduler();
    const ticking = running.tick(DUE);
    await fake.waitForCalls("chat.postMessage", 1, 3_000);
    await running.stop();
    expect(await ticking).toMatchObject([{ result: "delivered" }]);
    await expectDeliveredOnce("C1");
    now = new Date(DUE.getTime() + LEASE_MS + 60_000);
    expect(await scheduler().tick(now)).toEqual([]);
    await expectDeliveredOnce("C1");
  }, 10_000);
});
