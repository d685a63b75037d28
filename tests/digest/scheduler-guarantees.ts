import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDigestBuilder } from "../../src/digest/build.js";
import { createSlackDigestPoster, type RetryPolicy } from "../../src/digest/poster.js";
import {
  createDigestScheduler,
  type DigestScheduler,
  type SchedulerLogger,
  type SchedulerTimers,
} from "../../src/digest/scheduler.js";
import { localDateTime } from "../../src/digest/time.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { Storage } from "../../src/storage/types.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import type { StorageHarness } from "../helpers/storage-harness.js";

const LEASE_MS = 5 * 60_000;
const RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 };
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
const at = (iso: string) => new Date(iso);

interface LogLine {
  level: "info" | "warn" | "error";
  context: Record<string, unknown>;
  message: string;
}

/** A post Slack accepted, with the fake clock's time when it was made. */
interface AcceptedPost {
  channel: string;
  at: Date;
  ts: string;
}

/**
 * The delivery guarantees of issue 4, against one kind of database. Time is a fake clock: sleeps
 * advance it instead of waiting, so retries, leases and whole days run in milliseconds.
 */
export function schedulerGuarantees(makeHarness: () => Promise<StorageHarness>): void {
  let fake: FakeSlackApi;
  let harness: StorageHarness;
  let storage: Storage;
  let kb: KnowledgeBase;
  let now: Date;
  let sleeps: number[];
  let logs: LogLine[];
  let accepted: AcceptedPost[];
  const schedulers: DigestScheduler[] = [];

  const logger: SchedulerLogger = {
    info: (context, message) =>
      logs.push({ level: "info", context: context as Record<string, unknown>, message }),
    warn: (context, message) =>
      logs.push({ level: "warn", context: context as Record<string, unknown>, message }),
    error: (context, message) =>
      logs.push({ level: "error", context: context as Record<string, unknown>, message }),
  };

  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now = new Date(now.getTime() + ms);
  };

  function schedulerOn(
    store: Storage,
    instanceId: string,
    timers?: SchedulerTimers,
    questionLogDays?: number,
  ): DigestScheduler {
    const scheduler = createDigestScheduler({
      storage: store,
      poster: createSlackDigestPoster({
        token: "xoxb-test-token",
        slackApiUrl: fake.apiUrl,
        retry: RETRY,
        now: () => now,
        sleep,
      }),
      buildDigest: createDigestBuilder({ knowledge: () => kb, storage: store, staleAfterDays: 14 }),
      logger,
      checkEverySeconds: 60,
      instanceId,
      leaseMs: LEASE_MS,
      now: () => now,
      sleep,
      ...(timers === undefined ? {} : { timers }),
      ...(questionLogDays === undefined ? {} : { questionLogDays }),
    });
    schedulers.push(scheduler);
    return scheduler;
  }

  // Every day, so each local day has a post whose exactly-once delivery can be checked.
  const subscribe = (channelId: string, time = "09:00", timeZone = "Europe/Kyiv") =>
    storage.subscribe({
      teamId: "T1",
      channelId,
      time,
      timeZone,
      cadence: "daily",
      createdBy: "U1",
      now: LONG_AGO,
    });

  const acceptedIn = (channel: string) => accepted.filter((post) => post.channel === channel);
  const attemptsIn = (channel: string) =>
    fake.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

  /** Replies to chat.postMessage with `replies` in turn, then as Slack normally does. */
  function slackAnswers(...replies: { status?: number; headers?: Record<string, string>; body: unknown }[]) {
    const queue = [...replies];
    return fake.on((call) => (call.method === "chat.postMessage" ? queue.shift() : undefined));
  }

  async function tickEvery(scheduler: DigestScheduler, fromIso: string, toIso: string, stepMinutes: number) {
    for (let t = at(fromIso).getTime(); t <= at(toIso).getTime(); t += stepMinutes * 60_000) {
      now = new Date(t);
      await scheduler.tick(now);
    }
  }

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    kb = loadKnowledgeBase("tests/fixtures/knowledge/valid");
  });

  afterAll(async () => {
    await fake.stop();
  });

  beforeEach(async () => {
    fake.reset();
    sleeps = [];
    logs = [];
    accepted = [];
    // Registered first, so it runs last: sees only the calls no fault handler answered.
    fake.on((call) => {
      if (call.method !== "chat.postMessage") return undefined;
      const ts = `1700000000.${String(accepted.length + 1).padStart(6, "0")}`;
      accepted.push({ channel: String(call.body.channel), at: now, ts });
      return { body: { ok: true, channel: call.body.channel, ts } };
    });
    harness = await makeHarness();
    storage = await harness.open();
  });

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((scheduler) => scheduler.stop()));
    await harness.cleanup();
  });

  it("two copies of the app on one database post exactly one digest per channel per day", async () => {
    for (const channel of ["C1", "C2", "C3"]) await subscribe(channel);
    const other = await harness.open();
    const first = schedulerOn(storage, "copy-a");
    const second = schedulerOn(other, "copy-b");

    for (const iso of ["2025-07-22T06:00:00Z", "2025-07-22T06:01:00Z", "2025-07-22T12:00:00Z"]) {
      now = at(iso);
      await Promise.all([first.tick(now), second.tick(now)]);
    }
    expect(["C1", "C2", "C3"].map((channel) => acceptedIn(channel).length)).toEqual([1, 1, 1]);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(3);

    now = at("2025-07-23T06:00:00Z");
    await Promise.all([first.tick(now), second.tick(now)]);
    expect(["C1", "C2", "C3"].map((channel) => acceptedIn(channel).length)).toEqual([2, 2, 2]);
    expect(await storage.getDelivery("C1", "2025-07-23")).toMatchObject({ state: "delivered" });
  });

  it("does not post again after a restart the same day", async () => {
    await subscribe("C1");
    const before = schedulerOn(storage, "before-restart");
    now = at("2025-07-22T06:00:00Z");
    expect(await before.tick(now)).toMatchObject([
      { channelId: "C1", localDate: "2025-07-22", result: "delivered" },
    ]);
    await before.stop();

    const after = schedulerOn(await harness.open(), "after-restart");
    for (const iso of ["2025-07-22T06:01:00Z", "2025-07-22T20:59:00Z"])
      expect(await after.tick(at(iso))).toEqual([]);
    expect(acceptedIn("C1")).toHaveLength(1);
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({
      state: "delivered",
      claimedBy: "before-restart",
      messageTs: acceptedIn("C1")[0]?.ts,
    });
  });

  it("posts on return when it was down at the scheduled time, the same local day", async () => {
    await subscribe("C1");
    const scheduler = schedulerOn(storage, "late");
    now = at("2025-07-22T15:00:00Z"); // 18:00 in Kyiv: nine hours late
    expect(await scheduler.tick(now)).toMatchObject([{ localDate: "2025-07-22", result: "delivered" }]);
    expect(acceptedIn("C1")).toHaveLength(1);
  });

  it("does not deliver a missed day's digest the next day, only that day's own", async () => {
    await subscribe("C1");
    const scheduler = schedulerOn(storage, "down-all-day");
    // Back at 00:30 on 23 July in Kyiv: 22 July's digest is not sent late, 23 July's waits for 09:00.
    await tickEvery(scheduler, "2025-07-22T21:30:00Z", "2025-07-23T05:45:00Z", 15);
    expect(acceptedIn("C1")).toHaveLength(0);
    await tickEvery(scheduler, "2025-07-23T06:00:00Z", "2025-07-23T08:00:00Z", 15);
    expect(acceptedIn("C1").map((post) => post.at)).toEqual([at("2025-07-23T06:00:00Z")]);
    expect(await storage.getDelivery("C1", "2025-07-22")).toBeNull();
  });

  it("retries a claim left by a crash between claim and post after its lease expires, not before", async () => {
    await subscribe("C1");
    const crashed = await harness.open();
    expect(
      await crashed.claimDelivery({
        channelId: "C1",
        localDate: "2025-07-22",
        instanceId: "crashed",
        leaseUntil: new Date(at("2025-07-22T06:00:00Z").getTime() + LEASE_MS),
        now: at("2025-07-22T06:00:00Z"),
      }),
    ).toBe(true);
    await crashed.close();

    const survivor = schedulerOn(storage, "survivor");
    for (const iso of ["2025-07-22T06:01:00Z", "2025-07-22T06:04:59Z"]) {
      expect(await survivor.tick(at(iso))).toEqual([]);
    }
    expect(attemptsIn("C1")).toHaveLength(0);

    now = at("2025-07-22T06:05:00Z");
    expect(await survivor.tick(now)).toMatchObject([{ result: "delivered" }]);
    expect(acceptedIn("C1")).toHaveLength(1);
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({
      state: "delivered",
      claimedBy: "survivor",
    });
  });

  for (const error of ["not_in_channel", "channel_not_found", "is_archived"]) {
    it(`disables the subscription on ${error}, with the reason, instead of retrying`, async () => {
      await subscribe("C1");
      fake.on((call) => (call.method === "chat.postMessage" ? { body: { ok: false, error } } : undefined));
      const scheduler = schedulerOn(storage, "a");
      now = at("2025-07-22T06:00:00Z");
      expect(await scheduler.tick(now)).toEqual([
        { channelId: "C1", localDate: "2025-07-22", result: "disabled", reason: error },
      ]);
      expect(await storage.getSubscription("C1")).toMatchObject({ enabled: false, disabledReason: error });
      expect(await storage.getDelivery("C1", "2025-07-22")).toBeNull();
      expect(logs).toContainEqual(
        expect.objectContaining({ level: "warn", context: expect.objectContaining({ reason: error }) }),
      );

      await scheduler.tick(at("2025-07-22T06:10:00Z"));
      await scheduler.tick(at("2025-07-23T06:00:00Z"));
      expect(attemptsIn("C1")).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });
  }

  it("waits as long as Retry-After says on 429, then delivers once", async () => {
    await subscribe("C1");
    slackAnswers({ status: 429, headers: { "retry-after": "7" }, body: { ok: false, error: "ratelimited" } });
    const scheduler = schedulerOn(storage, "a");
    now = at("2025-07-22T06:00:00Z");
    expect(await scheduler.tick(now)).toMatchObject([{ result: "delivered" }]);
    expect(sleeps).toEqual([7_000]);
    expect(attemptsIn("C1")).toHaveLength(2);
    expect(acceptedIn("C1")).toEqual([
      { channel: "C1", at: at("2025-07-22T06:00:07Z"), ts: expect.any(String) },
    ]);
  });

  it("retries 5xx with exponential backoff, then delivers once and records Slack's ts", async () => {
    await subscribe("C1");
    slackAnswers({ status: 500, body: { ok: false } }, { status: 503, body: { ok: false } });
    const scheduler = schedulerOn(storage, "a");
    now = at("2025-07-22T06:00:00Z");
    expect(await scheduler.tick(now)).toMatchObject([{ result: "delivered" }]);
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(attemptsIn("C1")).toHaveLength(3);
    expect(acceptedIn("C1")).toHaveLength(1);
    expect((await storage.latestDelivery("C1"))?.messageTs).toBe(acceptedIn("C1")[0]?.ts);
    await scheduler.tick(at("2025-07-22T07:00:00Z"));
    expect(attemptsIn("C1")).toHaveLength(3);
  });

  it("gives up after bounded 5xx retries, keeps the claim, and delivers after the lease expires", async () => {
    await subscribe("C1");
    const down = fake.on((call) =>
      call.method === "chat.postMessage" ? { status: 502, body: { ok: false } } : undefined,
    );
    const scheduler = schedulerOn(storage, "a");
    now = at("2025-07-22T06:00:00Z");
    expect(await scheduler.tick(now)).toMatchObject([{ result: "failed" }]);
    expect(sleeps).toEqual([1_000, 2_000, 4_000]);
    expect(attemptsIn("C1")).toHaveLength(RETRY.maxAttempts);
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({ state: "claimed", claimedBy: "a" });

    down();
    expect(await scheduler.tick(at("2025-07-22T06:04:00Z"))).toEqual([]);
    expect(attemptsIn("C1")).toHaveLength(RETRY.maxAttempts);
    now = at("2025-07-22T06:05:00Z");
    expect(await scheduler.tick(now)).toMatchObject([{ result: "delivered" }]);
    expect(acceptedIn("C1")).toHaveLength(1);
  });

  it("skips checks while storage is unreachable and delivers once it is back", async () => {
    await subscribe("C1");
    let reachable = false;
    const flaky = new Proxy(storage, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) =>
          reachable ? value.apply(target, args) : Promise.reject(new Error("connection refused"));
      },
    });
    const scheduler = schedulerOn(flaky, "a");
    now = at("2025-07-22T06:00:00Z");
    expect(await scheduler.tick(now)).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: "error" }));
    reachable = true;
    now = at("2025-07-22T06:01:00Z");
    expect(await scheduler.tick(now)).toMatchObject([{ result: "delivered" }]);
    expect(acceptedIn("C1")).toHaveLength(1);
  });

  it("does not post twice when the database is lost just after Slack accepted, and records it on return", async () => {
    await subscribe("C1");
    let recording = false;
    const losesWrites = new Proxy(storage, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "markDelivered" || typeof value !== "function") return value;
        return (...args: unknown[]) =>
          recording ? value.apply(target, args) : Promise.reject(new Error("connection lost"));
      },
    });
    const scheduler = schedulerOn(losesWrites, "a");
    now = at("2025-07-22T06:00:00Z");
    expect(await scheduler.tick(now)).toMatchObject([{ result: "delivered" }]);
    expect(logs).toContainEqual(expect.objectContaining({ level: "error" }));
    // Long past the lease: the claim could be taken again, but this copy knows the post went out.
    expect(await scheduler.tick(at("2025-07-22T06:20:00Z"))).toEqual([]);
    expect(attemptsIn("C1")).toHaveLength(1);

    recording = true;
    await scheduler.tick(at("2025-07-22T06:21:00Z"));
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({
      state: "delivered",
      messageTs: acceptedIn("C1")[0]?.ts,
    });
    expect(attemptsIn("C1")).toHaveLength(1);
  });

  it("checks on its own timer, every DIGEST_CHECK_SECONDS", async () => {
    await subscribe("C1");
    let beat: (() => void) | null = null;
    let everyMs = 0;
    const scheduler = schedulerOn(storage, "a", {
      setInterval: (callback, ms) => {
        beat = callback;
        everyMs = ms;
        return 1;
      },
      clearInterval: () => {
        beat = null;
      },
    });
    scheduler.start();
    expect(everyMs).toBe(60_000);
    now = at("2025-07-22T06:00:00Z");
    (beat as (() => void) | null)?.();
    await fake.waitForCalls("chat.postMessage", 1, 2_000);
    await scheduler.stop();
    expect(beat).toBeNull();
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({ state: "delivered" });
  });

  it("stop() waits for the delivery in progress to be posted and recorded, then checks no more", async () => {
    await subscribe("C1");
    await subscribe("C2");
    fake.on((call) =>
      call.method === "chat.postMessage" && call.body.channel === "C1"
        ? { delayMs: 150, body: { ok: true, channel: "C1", ts: "1700000099.000001" } }
        : undefined,
    );
    const scheduler = schedulerOn(storage, "a");
    now = at("2025-07-22T06:00:00Z");
    const ticking = scheduler.tick(now);
    await fake.waitForCalls("chat.postMessage", 1, 2_000);
    await scheduler.stop();
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({
      state: "delivered",
      messageTs: "1700000099.000001",
    });
    // C2 was not started once stopping began; it is left for the next copy to run.
    expect(await ticking).toMatchObject([{ channelId: "C1", result: "delivered" }]);
    expect(attemptsIn("C2")).toHaveLength(0);
    expect(await scheduler.tick(at("2025-07-22T06:01:00Z"))).toEqual([]);
  });

  it("prunes questions older than QUESTION_LOG_DAYS as it checks, at most hourly", async () => {
    const asked = (normalisedQuestion: string, iso: string) =>
      storage.logQuestion({
        normalisedQuestion,
        entryId: null,
        closestEntryId: null,
        confidence: 0,
        answered: false,
        at: at(iso),
      });
    await asked("older than thirty days", "2025-06-21T23:00:00Z");
    await asked("twenty-nine days old", "2025-06-23T12:00:00Z");
    const scheduler = schedulerOn(storage, "a", undefined, 30);
    await scheduler.tick(at("2025-07-22T12:00:00Z"));
    expect((await storage.questionsSince(LONG_AGO)).map((q) => q.normalisedQuestion)).toEqual([
      "twenty-nine days old",
    ]);

    await asked("old again", "2025-06-01T00:00:00Z");
    await scheduler.tick(at("2025-07-22T12:30:00Z"));
    expect(await storage.questionsSince(LONG_AGO)).toHaveLength(2);
    await scheduler.tick(at("2025-07-22T13:00:00Z"));
    expect(await storage.questionsSince(LONG_AGO)).toHaveLength(1);
  });

  describe("a channel on changes only (the default)", () => {
    const subscribeChangesOnly = (channelId: string) =>
      storage.subscribe({
        teamId: "T1",
        channelId,
        time: "09:00",
        timeZone: "Europe/Kyiv",
        cadence: null,
        createdBy: "U1",
        now: LONG_AGO,
      });

    /** One local day: both copies tick at 09:00 Kyiv and again at 15:00, as checks do all day. */
    async function day(copies: DigestScheduler[], isoDate: string): Promise<void> {
      for (const time of ["06:00:00Z", "12:00:00Z"]) {
        now = at(`${isoDate}T${time}`);
        await Promise.all(copies.map((copy) => copy.tick(now)));
      }
    }

    it("posts the first digest, then nothing while the data stays the same, a one-line note after a week, and the digest again the day the data changes; each once, with two copies", async () => {
      await subscribeChangesOnly("C1");
      const copies = [schedulerOn(storage, "copy-a"), schedulerOn(await harness.open(), "copy-b")];
      const original = kb;
      try {
        for (let d = 20; d <= 31; d += 1) {
          // A curator updates the status card on the 24th.
          if (d === 24) kb = { ...original, status: { ...original.status, summary: "Talks resumed." } };
          await day(copies, `2025-07-${d}`);
        }
      } finally {
        kb = original;
      }
      const posts = acceptedIn("C1").map((post) => localDateTime(post.at, "Europe/Kyiv").date);
      expect(posts).toEqual(["2025-07-20", "2025-07-24", "2025-07-31"]);
      const texts = attemptsIn("C1").map((call) => String(call.body.text));
      expect(texts[0]).toContain("Talks digest — Sunday 20 Jul 2025");
      expect(texts[1]).toContain("Talks resumed.");
      expect(texts[2]).toMatch(/^No new information since the digest of 24 Jul 2025: /);
      expect(attemptsIn("C1")).toHaveLength(3);

      const kinds: string[] = [];
      for (let d = 20; d <= 31; d += 1)
        kinds.push((await storage.getDelivery("C1", `2025-07-${d}`))?.kind ?? "none");
      expect(kinds).toEqual([
        "digest",
        ...Array(3).fill("skipped"),
        "digest",
        ...Array(6).fill("skipped"),
        "notice",
      ]);
    });

    it("decides a quiet day once: data that changes later that day waits for the next day's digest", async () => {
      await subscribeChangesOnly("C1");
      const scheduler = schedulerOn(storage, "a");
      await day([scheduler], "2025-07-20");
      now = at("2025-07-21T06:00:00Z");
      expect(await scheduler.tick(now)).toEqual([
        { channelId: "C1", localDate: "2025-07-21", result: "skipped" },
      ]);
      const original = kb;
      kb = { ...original, status: { ...original.status, summary: "Talks resumed." } };
      try {
        const restarted = schedulerOn(await harness.open(), "after-restart");
        expect(await restarted.tick(at("2025-07-21T12:00:00Z"))).toEqual([]);
        expect(acceptedIn("C1")).toHaveLength(1);
        expect(await restarted.tick(at("2025-07-22T06:00:00Z"))).toMatchObject([{ result: "delivered" }]);
      } finally {
        kb = original;
      }
      expect(acceptedIn("C1")).toHaveLength(2);
    });
  });

  const dstCases = [
    {
      name: "Europe/Kyiv springs forward (03:00 → 04:00 on 30 Mar 2025), a 03:30 digest comes at 04:00",
      timeZone: "Europe/Kyiv",
      time: "03:30",
      from: "2025-03-28T22:00:00Z",
      to: "2025-03-31T21:45:00Z",
      expected: ["2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"],
    },
    {
      name: "Europe/Kyiv falls back (04:00 → 03:00 on 26 Oct 2025), a 03:30 digest comes once",
      timeZone: "Europe/Kyiv",
      time: "03:30",
      from: "2025-10-24T21:00:00Z",
      to: "2025-10-27T21:45:00Z",
      expected: ["2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"],
    },
    {
      name: "America/New_York springs forward (02:00 → 03:00 on 9 Mar 2025), a 02:30 digest comes at 03:00",
      timeZone: "America/New_York",
      time: "02:30",
      from: "2025-03-08T05:00:00Z",
      to: "2025-03-11T03:45:00Z",
      expected: ["2025-03-08T07:30:00Z", "2025-03-09T07:00:00Z", "2025-03-10T06:30:00Z"],
    },
    {
      name: "America/New_York falls back (02:00 → 01:00 on 2 Nov 2025), a 01:30 digest comes once",
      timeZone: "America/New_York",
      time: "01:30",
      from: "2025-11-01T04:00:00Z",
      to: "2025-11-04T04:45:00Z",
      expected: ["2025-11-01T05:30:00Z", "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z"],
    },
  ];

  for (const dst of dstCases) {
    it(`${dst.name}: exactly one digest each local day`, async () => {
      await subscribe("C1", dst.time, dst.timeZone);
      const scheduler = schedulerOn(storage, "a");
      await tickEvery(scheduler, dst.from, dst.to, 15);
      const posts = acceptedIn("C1");
      expect(posts.map((post) => post.at.toISOString())).toEqual(
        dst.expected.map((iso) => at(iso).toISOString()),
      );
      const localDates = posts.map((post) => localDateTime(post.at, dst.timeZone).date);
      expect(new Set(localDates).size).toBe(localDates.length);
    });
  }
}
