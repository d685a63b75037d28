import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDigestBuilder } from "../../src/digest/build.js";
import {
  createDigestCommandHandler,
  createHomeDigestLoader,
  type DigestCommandDeps,
  type DigestCommandRequest,
  handleDigestCommand,
} from "../../src/digest/commands.js";
import { digestFingerprints } from "../../src/digest/compose.js";
import {
  DIGEST_MESSAGES,
  DISABLED_REASONS,
  DIGEST_COMMAND_MESSAGES as M,
} from "../../src/digest/messages.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";

const NOW = new Date("2025-07-22T05:00:00Z"); // 08:00 in Kyiv, 05:00 UTC
let kb: KnowledgeBase;
let storage: Storage;
let deps: DigestCommandDeps;

beforeAll(() => {
  kb = loadKnowledgeBase("tests/fixtures/knowledge/valid");
});

beforeEach(() => {
  storage = createMemoryStorage();
  deps = {
    storage,
    defaultTimeZone: "UTC",
    buildDigest: createDigestBuilder({ knowledge: () => kb, storage, staleAfterDays: 14 }),
    now: NOW,
  };
});

const request = (subcommand: string, extra: Partial<DigestCommandRequest> = {}): DigestCommandRequest => ({
  teamId: "T1",
  channelId: "C1",
  userId: "U1",
  subcommand,
  ...extra,
});

describe("/talks digest on", () => {
  it("subscribes the channel at 09:00 in the default zone when no time is given", async () => {
    const reply = await handleDigestCommand(request("on"), deps);
    expect(reply.text).toBe(M.subscribed("09:00", "UTC", true, "changes"));
    expect(reply.blocks).toHaveLength(1);
    expect(await storage.getSubscription("C1")).toMatchObject({
      teamId: "T1",
      time: "09:00",
      timeZone: "UTC",
      cadence: "changes",
      enabled: true,
      createdBy: "U1",
    });
  });

  it("posts only when the data changed unless told `daily`, and keeps the choice when it is not repeated", async () => {
    expect(M.subscribed("09:00", "UTC", true, "changes")).toContain(
      "only on days the data has changed since the channel's previous digest (otherwise a one-line note at most once a week)",
    );
    const daily = await handleDigestCommand(request("on", { cadence: "daily" }), deps);
    expect(daily.text).toBe(M.subscribed("09:00", "UTC", true, "daily"));
    expect(daily.text).toContain("every day");
    const moved = await handleDigestCommand(request("on", { time: "08:00" }), deps);
    expect(moved.text).toBe(M.subscribed("08:00", "UTC", true, "daily"));
    await handleDigestCommand(request("on", { cadence: "changes" }), deps);
    expect(await storage.getSubscription("C1")).toMatchObject({ time: "09:00", cadence: "changes" });
  });

  it("takes a time and a zone, and says the first digest comes tomorrow when today's time has passed", async () => {
    const reply = await handleDigestCommand(request("on", { time: "7:30", timeZone: "europe/kyiv" }), deps);
    expect(reply.text).toBe(M.subscribed("07:30", "Europe/Kyiv", false, "changes"));
    expect(await storage.getSubscription("C1")).toMatchObject({ time: "07:30", timeZone: "Europe/Kyiv" });
  });

  it("refuses a bad time with an example, changing nothing", async () => {
    for (const time of ["25:00", "9am"]) {
      const reply = await handleDigestCommand(request("on", { time }), deps);
      expect(reply.text).toBe(M.badTime(time));
      expect(reply.text).toContain("/talks digest on 09:00 Europe/Kyiv");
    }
    expect(await storage.getSubscription("C1")).toBeNull();
  });

  it("refuses an unknown time zone with an example", async () => {
    const reply = await handleDigestCommand(request("on", { time: "09:00", timeZone: "Mars/Olympus" }), deps);
    expect(reply.text).toBe(M.badTimeZone("Mars/Olympus"));
    expect(await storage.getSubscription("C1")).toBeNull();
  });

  it("re-enables a subscription Slack had stopped", async () => {
    await handleDigestCommand(request("on"), deps);
    await storage.disableSubscription("C1", "not_in_channel");
    await handleDigestCommand(request("on"), deps);
    expect(await storage.getSubscription("C1")).toMatchObject({ enabled: true, disabledReason: null });
  });
});

describe("/talks digest off", () => {
  it("unsubscribes, and says so when there was nothing to stop", async () => {
    await handleDigestCommand(request("on"), deps);
    expect((await handleDigestCommand(request("off"), deps)).text).toBe(M.unsubscribed);
    expect(await storage.getSubscription("C1")).toBeNull();
    expect((await handleDigestCommand(request("off"), deps)).text).toBe(M.notSubscribedOff);
  });
});

describe("/talks digest status", () => {
  it("explains how to subscribe when the channel is not subscribed", async () => {
    expect((await handleDigestCommand(request("status"), deps)).text).toBe(M.notSubscribed("UTC"));
  });

  it("shows the time, the zone, the cadence, and the last post, full digest or note", async () => {
    await handleDigestCommand(request("on", { time: "18:00", timeZone: "America/New_York" }), deps);
    expect((await handleDigestCommand(request("status"), deps)).text).toBe(
      `${M.statusEnabled("18:00", "America/New_York", "changes")}\n${M.neverDelivered}`,
    );
    const settle = async (localDate: string, kind: "digest" | "notice" | "skipped") => {
      const input = { channelId: "C1", localDate, instanceId: "a", leaseUntil: NOW, now: NOW };
      await storage.claimDelivery(input);
      await storage.markDelivered({
        ...input,
        kind,
        deliveredAt: NOW,
        messageTs: "1.2",
        entryFingerprints: {},
      });
    };
    await settle("2025-07-14", "digest");
    expect((await handleDigestCommand(request("status"), deps)).text).toContain(
      "Last posted: 14 Jul 2025 (the full digest).",
    );
    await settle("2025-07-21", "notice");
    await settle("2025-07-22", "skipped");
    expect((await handleDigestCommand(request("status"), deps)).text).toContain(
      M.lastDelivered("2025-07-21", "notice"),
    );
    await handleDigestCommand(request("on", { cadence: "daily" }), deps);
    expect((await handleDigestCommand(request("status"), deps)).text).toContain(
      M.statusEnabled("09:00", "UTC", "daily"),
    );
  });

  it("shows that the digest was stopped, and why", async () => {
    await handleDigestCommand(request("on"), deps);
    await storage.disableSubscription("C1", "is_archived");
    const reply = await handleDigestCommand(request("status"), deps);
    expect(reply.text).toContain(M.statusDisabled("09:00", "UTC", DISABLED_REASONS.is_archived ?? ""));
  });
});

describe("/talks digest preview", () => {
  it("shows the digest as it would be posted now, in the channel's zone", async () => {
    await handleDigestCommand(request("on", { timeZone: "Pacific/Auckland" }), deps);
    const reply = await handleDigestCommand(request("preview"), deps);
    // 05:00 UTC on 22 July is 17:00 the same day in Auckland.
    expect(reply.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: M.previewDigest("changes") }],
    });
    expect(reply.blocks[1]).toMatchObject({
      type: "header",
      text: { text: DIGEST_MESSAGES.header("Tuesday", "2025-07-22") },
    });
    expect(JSON.stringify(reply.blocks)).toContain(DIGEST_MESSAGES.firstDigest);
  });

  it("says what a changes-only channel would get now: the note after a quiet week, nothing before", async () => {
    await handleDigestCommand(request("on"), deps);
    const settle = async (localDate: string) => {
      const input = { channelId: "C1", localDate, instanceId: "a", leaseUntil: NOW, now: NOW };
      await storage.claimDelivery(input);
      await storage.markDelivered({
        ...input,
        kind: "digest",
        deliveredAt: NOW,
        messageTs: "1.2",
        entryFingerprints: digestFingerprints(kb),
      });
    };
    await settle("2025-07-15");
    const note = await handleDigestCommand(request("preview"), deps);
    const noteLine = DIGEST_MESSAGES.noNewsSince("2025-07-15", "2025-07-22", "today");
    expect(note.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: M.previewNote(noteLine) }],
    });
    expect(JSON.stringify(note.blocks)).toContain(DIGEST_MESSAGES.noChanges("2025-07-15"));

    await settle("2025-07-20");
    const nothing = await handleDigestCommand(request("preview"), deps);
    expect(nothing.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: M.previewNothing("2025-07-20") }],
    });
  });

  it("works before the channel subscribes, in the default zone", async () => {
    const reply = await handleDigestCommand(request("preview"), deps);
    expect(reply.text).toContain(DIGEST_MESSAGES.header("Tuesday", "2025-07-22"));
  });
});

it("answers an unknown digest subcommand with the usage", async () => {
  expect((await handleDigestCommand(request("weekly"), deps)).text).toBe(M.usage);
});

describe("hooks for the Slack layer", () => {
  it("answers the router's parsed digest command for the channel it was typed in", async () => {
    const handler = createDigestCommandHandler({
      storage,
      defaultTimeZone: "UTC",
      buildDigest: createDigestBuilder({ knowledge: () => kb, storage, staleAfterDays: 14 }),
    });
    const context = { teamId: "T1", channelId: "C9", userId: "U2", now: NOW };
    const reply = await handler(
      { action: "on", time: "18:15", timeZone: "Europe/Kyiv", cadence: "daily" },
      context,
    );
    expect(reply.text).toBe(M.subscribed("18:15", "Europe/Kyiv", true, "daily"));
    expect((await handler({ action: "status" }, context)).text).toContain(
      M.statusEnabled("18:15", "Europe/Kyiv", "daily"),
    );
    expect(await createHomeDigestLoader(storage)("T1")).toEqual({
      subscriptions: [
        expect.objectContaining({
          channelId: "C9",
          time: "18:15",
          timeZone: "Europe/Kyiv",
          cadence: "daily",
        }),
      ],
    });
    expect(await createHomeDigestLoader(storage)("T2")).toEqual({ subscriptions: [] });
  });
});
