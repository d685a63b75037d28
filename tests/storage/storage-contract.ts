import { afterEach, beforeEach, expect, it } from "vitest";
import { PROCESSED_EVENT_TTL_MS, type Storage } from "../../src/storage/types.js";
import type { StorageHarness } from "../helpers/storage-harness.js";

const T0 = new Date("2025-07-22T06:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const subscription = (channelId: string, teamId = "T1") => ({
  teamId,
  channelId,
  time: "09:00",
  timeZone: "Europe/Kyiv",
  cadence: null,
  createdBy: "U1",
  now: T0,
});

/** The behaviour every Storage implementation must share; each implementation's test file runs it. */
export function storageContract(makeHarness: () => Promise<StorageHarness>): void {
  let harness: StorageHarness;
  let storage: Storage;

  beforeEach(async () => {
    harness = await makeHarness();
    storage = await harness.open();
  });

  afterEach(async () => {
    await harness.cleanup();
  });

  it("stores a subscription and lists it by workspace and by whether it is enabled", async () => {
    const created = await storage.subscribe(subscription("C1"));
    expect(created).toEqual({
      teamId: "T1",
      channelId: "C1",
      time: "09:00",
      timeZone: "Europe/Kyiv",
      cadence: "changes",
      enabled: true,
      disabledReason: null,
      createdBy: "U1",
      createdAt: T0,
    });
    await storage.subscribe(subscription("C2", "T2"));
    await storage.subscribe(subscription("C3"));
    await storage.disableSubscription("C3", "not_in_channel");

    expect(await storage.getSubscription("C1")).toEqual(created);
    expect((await storage.listSubscriptions()).map((s) => s.channelId)).toEqual(["C1", "C2", "C3"]);
    expect((await storage.listSubscriptions({ teamId: "T1" })).map((s) => s.channelId)).toEqual(["C1", "C3"]);
    expect((await storage.listSubscriptions({ enabledOnly: true })).map((s) => s.channelId)).toEqual([
      "C1",
      "C2",
    ]);
  });

  it("remembers why a subscription was disabled, and subscribing again re-enables it with the new time", async () => {
    await storage.subscribe(subscription("C1"));
    await storage.disableSubscription("C1", "is_archived");
    expect(await storage.getSubscription("C1")).toMatchObject({
      enabled: false,
      disabledReason: "is_archived",
    });

    await storage.subscribe({ ...subscription("C1"), time: "18:30", timeZone: "America/New_York" });
    expect(await storage.getSubscription("C1")).toMatchObject({
      enabled: true,
      disabledReason: null,
      time: "18:30",
      timeZone: "America/New_York",
    });
    expect(await storage.listSubscriptions()).toHaveLength(1);
  });

  it("keeps a channel's cadence (changes only by default) until it is given another", async () => {
    expect((await storage.subscribe(subscription("C1"))).cadence).toBe("changes");
    expect((await storage.subscribe({ ...subscription("C1"), cadence: "daily" })).cadence).toBe("daily");
    await storage.disableSubscription("C1", "is_archived");
    const again = await storage.subscribe({ ...subscription("C1"), time: "07:00" });
    expect(again).toMatchObject({ cadence: "daily", time: "07:00", enabled: true });
    expect(await storage.getSubscription("C1")).toMatchObject({ cadence: "daily" });
    await storage.subscribe({ ...subscription("C1"), cadence: "changes" });
    expect(await storage.listSubscriptions()).toMatchObject([{ channelId: "C1", cadence: "changes" }]);
  });

  it("finds the latest row of the kinds asked for: the previous full digest, the last post", async () => {
    const settle = async (localDate: string, kind: "digest" | "notice" | "skipped") => {
      const now = new Date(`${localDate}T06:00:00Z`);
      await storage.claimDelivery({
        channelId: "C1",
        localDate,
        instanceId: "a",
        leaseUntil: new Date(now.getTime() + 60_000),
        now,
      });
      await storage.markDelivered({
        channelId: "C1",
        localDate,
        kind,
        deliveredAt: now,
        messageTs: kind === "skipped" ? "" : "1.1",
        entryFingerprints: { [kind]: localDate },
      });
    };
    expect(await storage.latestDelivery("C1")).toBeNull();
    await settle("2025-07-20", "digest");
    await settle("2025-07-21", "skipped");
    await settle("2025-07-27", "notice");
    await settle("2025-07-28", "skipped");
    expect(await storage.latestDelivery("C1")).toMatchObject({ localDate: "2025-07-27", kind: "notice" });
    expect(await storage.latestDelivery("C1", ["digest"])).toMatchObject({
      localDate: "2025-07-20",
      kind: "digest",
      entryFingerprints: { digest: "2025-07-20" },
    });
    expect(await storage.latestDelivery("C1", ["skipped"])).toMatchObject({ localDate: "2025-07-28" });
    expect(await storage.getDelivery("C1", "2025-07-21")).toMatchObject({
      state: "delivered",
      kind: "skipped",
    });
  });

  it("unsubscribes, saying whether there was anything to remove", async () => {
    await storage.subscribe(subscription("C1"));
    expect(await storage.unsubscribe("C1")).toBe(true);
    expect(await storage.unsubscribe("C1")).toBe(false);
    expect(await storage.getSubscription("C1")).toBeNull();
  });

  it("grants a delivery claim to one holder until its lease expires", async () => {
    const claim = (instanceId: string, now: Date) =>
      storage.claimDelivery({
        channelId: "C1",
        localDate: "2025-07-22",
        instanceId,
        leaseUntil: new Date(now.getTime() + 5 * 60_000),
        now,
      });
    expect(await claim("a", T0)).toBe(true);
    expect(await claim("b", minutes(1))).toBe(false);
    expect(await claim("b", minutes(4))).toBe(false);
    expect(await claim("b", minutes(5))).toBe(true);
    expect(await storage.getDelivery("C1", "2025-07-22")).toMatchObject({
      state: "claimed",
      claimedBy: "b",
      leaseUntil: minutes(10),
      deliveredAt: null,
    });
  });

  it("never grants a claim for a digest already delivered, however old the lease", async () => {
    await storage.claimDelivery({
      channelId: "C1",
      localDate: "2025-07-22",
      instanceId: "a",
      leaseUntil: minutes(5),
      now: T0,
    });
    expect(
      await storage.markDelivered({
        channelId: "C1",
        localDate: "2025-07-22",
        kind: "digest",
        deliveredAt: minutes(1),
        messageTs: "1700000000.000001",
        entryFingerprints: { "entry-a": "abc" },
      }),
    ).toBe(true);
    expect(
      await storage.claimDelivery({
        channelId: "C1",
        localDate: "2025-07-22",
        instanceId: "b",
        leaseUntil: minutes(70),
        now: minutes(60),
      }),
    ).toBe(false);
    expect(
      await storage.markDelivered({
        channelId: "C1",
        localDate: "2025-07-22",
        kind: "digest",
        deliveredAt: minutes(61),
        messageTs: "1700000000.000002",
        entryFingerprints: {},
      }),
    ).toBe(false);
    expect(await storage.getDelivery("C1", "2025-07-22")).toEqual({
      channelId: "C1",
      localDate: "2025-07-22",
      state: "delivered",
      kind: "digest",
      claimedBy: "a",
      leaseUntil: minutes(5),
      deliveredAt: minutes(1),
      messageTs: "1700000000.000001",
      entryFingerprints: { "entry-a": "abc" },
    });
  });

  it("releases a claim only for its holder, so the digest can be claimed again at once", async () => {
    const input = { channelId: "C1", localDate: "2025-07-22", leaseUntil: minutes(5), now: T0 };
    await storage.claimDelivery({ ...input, instanceId: "a" });
    await storage.releaseClaim({ channelId: "C1", localDate: "2025-07-22", instanceId: "b" });
    expect(await storage.claimDelivery({ ...input, instanceId: "b" })).toBe(false);
    await storage.releaseClaim({ channelId: "C1", localDate: "2025-07-22", instanceId: "a" });
    expect(await storage.getDelivery("C1", "2025-07-22")).toBeNull();
    expect(await storage.claimDelivery({ ...input, instanceId: "b" })).toBe(true);
  });

  it("gives exactly one of many simultaneous claimers the delivery, across two handles on one database", async () => {
    const other = await harness.open();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? storage : other).claimDelivery({
          channelId: "C1",
          localDate: "2025-07-22",
          instanceId: `instance-${index}`,
          leaseUntil: minutes(5),
          now: T0,
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("finds a channel's latest delivered digest, ignoring claims still open and other channels", async () => {
    expect(await storage.latestDelivery("C1")).toBeNull();
    for (const [channelId, localDate, delivered] of [
      ["C1", "2025-07-20", true],
      ["C1", "2025-07-21", true],
      ["C1", "2025-07-22", false],
      ["C2", "2025-07-23", true],
    ] as const) {
      await storage.claimDelivery({ channelId, localDate, instanceId: "a", leaseUntil: minutes(5), now: T0 });
      if (delivered) {
        await storage.markDelivered({
          channelId,
          localDate,
          kind: "digest",
          deliveredAt: T0,
          messageTs: `ts-${localDate}`,
          entryFingerprints: { [localDate]: "x" },
        });
      }
    }
    expect(await storage.latestDelivery("C1")).toMatchObject({
      localDate: "2025-07-21",
      messageTs: "ts-2025-07-21",
      entryFingerprints: { "2025-07-21": "x" },
    });
  });

  it("counts the entries that answered the most questions, in one workspace, since a time", async () => {
    const asked = (teamId: string, entryId: string | null, at: Date) =>
      storage.logQuestion({
        teamId,
        normalisedQuestion: "q",
        entryId,
        closestEntryId: entryId,
        confidence: entryId === null ? 0.1 : 0.9,
        answered: entryId !== null,
        at,
      });
    await asked("T1", "third-round", T0);
    for (const at of [minutes(1), minutes(2)]) await asked("T1", "russia-demands", at);
    for (const at of [minutes(1), minutes(2), minutes(3)]) await asked("T1", "ceasefire-status", at);
    await asked("T1", "third-round", minutes(2));
    await asked("T1", null, minutes(2));
    for (const at of [minutes(1), minutes(2), minutes(3), minutes(4)]) await asked("T2", "war-length", at);

    expect(await storage.mostAskedEntries({ since: minutes(1), teamId: "T1", limit: 4 })).toEqual([
      { entryId: "ceasefire-status", count: 3 },
      { entryId: "russia-demands", count: 2 },
      { entryId: "third-round", count: 1 },
    ]);
    expect(await storage.mostAskedEntries({ since: T0, teamId: "T1", limit: 2 })).toEqual([
      { entryId: "ceasefire-status", count: 3 },
      { entryId: "russia-demands", count: 2 },
    ]);
    expect(await storage.mostAskedEntries({ since: minutes(9), teamId: "T1", limit: 4 })).toEqual([]);
  });

  it("logs questions without user ids and reads them back by time and workspace", async () => {
    const base = { entryId: null, closestEntryId: "next-round", confidence: 0.2, answered: false };
    await storage.logQuestion({
      ...base,
      teamId: "T1",
      normalisedQuestion: "when is the next round",
      at: T0,
    });
    await storage.logQuestion({ ...base, teamId: "T2", normalisedQuestion: "who mediates", at: minutes(1) });
    await storage.logQuestion({
      teamId: "T1",
      normalisedQuestion: "what does ukraine want",
      entryId: "ukraine-demands",
      closestEntryId: "ukraine-demands",
      confidence: 0.9,
      answered: true,
      at: minutes(2),
    });

    expect((await storage.questionsSince(minutes(1))).map((q) => q.normalisedQuestion)).toEqual([
      "who mediates",
      "what does ukraine want",
    ]);
    expect(await storage.questionsSince(T0, "T1")).toEqual([
      { ...base, teamId: "T1", normalisedQuestion: "when is the next round", at: T0 },
      {
        teamId: "T1",
        normalisedQuestion: "what does ukraine want",
        entryId: "ukraine-demands",
        closestEntryId: "ukraine-demands",
        confidence: 0.9,
        answered: true,
        at: minutes(2),
      },
    ]);
  });

  it("reads unanswered questions, low-confidence answers and unhelpful votes for the curator report", async () => {
    const question = (normalisedQuestion: string, answered: boolean, confidence: number, at: Date) =>
      storage.logQuestion({
        normalisedQuestion,
        entryId: answered ? "e1" : null,
        closestEntryId: "e1",
        confidence,
        answered,
        at,
      });
    await question("too old", false, 0.1, T0);
    await question("who mediates", false, 0.3, minutes(10));
    await question("is there a ceasefire", true, 0.55, minutes(11));
    await question("what does ukraine want", true, 0.95, minutes(12));
    await storage.recordFeedback({
      entryId: "e1",
      helpful: false,
      normalisedQuestion: "who mediates",
      at: minutes(13),
    });
    await storage.recordFeedback({ entryId: "e2", helpful: true, normalisedQuestion: "x", at: minutes(14) });

    const records = await storage.reportRecords({ since: minutes(5), lowConfidenceBelow: 0.7 });
    expect(records.unanswered.map((q) => q.normalisedQuestion)).toEqual(["who mediates"]);
    expect(records.lowConfidence.map((q) => [q.normalisedQuestion, q.confidence])).toEqual([
      ["is there a ceasefire", 0.55],
    ]);
    expect(records.unhelpful).toEqual([
      { entryId: "e1", helpful: false, normalisedQuestion: "who mediates", at: minutes(13) },
    ]);
  });

  it("prunes questions and feedback older than the cut-off and keeps the rest", async () => {
    const record = { entryId: null, closestEntryId: null, confidence: 0, answered: false };
    await storage.logQuestion({ ...record, normalisedQuestion: "old", at: T0 });
    await storage.logQuestion({ ...record, normalisedQuestion: "new", at: minutes(10) });
    await storage.recordFeedback({ entryId: null, helpful: false, normalisedQuestion: "old", at: T0 });

    expect(await storage.pruneQuestionLog(minutes(5))).toBe(2);
    expect((await storage.questionsSince(T0)).map((q) => q.normalisedQuestion)).toEqual(["new"]);
    expect((await storage.reportRecords({ since: T0, lowConfidenceBelow: 1 })).unhelpful).toEqual([]);
  });

  it("lets one claim of a Slack event win, across copies sharing the store, until a day has passed", async () => {
    const other = await harness.open();
    expect(await storage.claimEvent("Ev1", T0)).toBe(true);
    expect(await storage.claimEvent("Ev1", minutes(1))).toBe(false);
    expect(await other.claimEvent("Ev1", minutes(5))).toBe(false);
    expect(await other.claimEvent("Ev2", minutes(5))).toBe(true);
    const dayLater = new Date(T0.getTime() + PROCESSED_EVENT_TTL_MS + 60_000);
    expect(await other.claimEvent("Ev1", dayLater)).toBe(true);
    expect(await storage.claimEvent("Ev1", dayLater)).toBe(false);
  });

  it("claims an event once when copies race for it", async () => {
    const copies = [storage, await harness.open(), await harness.open()];
    const claims = await Promise.all(
      copies.flatMap((copy) => [copy.claimEvent("EvRace", T0), copy.claimEvent("EvRace", T0)]),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("prunes event claims older than a day and keeps the recent ones", async () => {
    await storage.claimEvent("EvOld", T0);
    await storage.claimEvent("EvNew", minutes(60));
    const dayLater = new Date(T0.getTime() + PROCESSED_EVENT_TTL_MS + 30 * 60_000);
    expect(await storage.pruneEvents(dayLater)).toBe(1);
    expect(await storage.claimEvent("EvNew", dayLater)).toBe(false);
    expect(await storage.claimEvent("EvOld", dayLater)).toBe(true);
  });

  it("answers a ping while open and reports unreachable once closed", async () => {
    expect(await storage.ping()).toBe(true);
    await storage.close();
    expect(await storage.ping()).toBe(false);
  });
}
