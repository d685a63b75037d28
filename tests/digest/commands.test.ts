import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDigestBuilder } from "../../src/digest/build.js";
import {
  createDigestCommandHandler,
  createHomeDigestLoader,
  type DigestCommandDeps,
  type DigestCommandRequest,
  handleDigestCommand,
} from "../../src/digest/commands.js";
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
    expect(reply.text).toBe(M.subscribed("09:00", "UTC", true));
    expect(reply.blocks).toHaveLength(1);
    expect(await storage.getSubscription("C1")).toMatchObject({
      teamId: "T1",
      time: "09:00",
      timeZone: "UTC",
      enabled: true,
      createdBy: "U1",
    });
  });

  it("takes a time and a zone, and says the first digest comes tomorrow when today's time has passed", async () => {
    const reply = await handleDigestCommand(request("on", { time: "7:30", timeZone: "europe/kyiv" }), deps);
    expect(reply.text).toBe(M.subscribed("07:30", "Europe/Kyiv", false));
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

  it("shows the time, the zone, and the last delivery", async () => {
    await handleDigestCommand(request("on", { time: "18:00", timeZone: "America/New_York" }), deps);
    expect((await handleDigestCommand(request("status"), deps)).text).toBe(
      `${M.statusEnabled("18:00", "America/New_York")}\n${M.neverDelivered}`,
    );
    const input = { channelId: "C1", localDate: "2025-07-21", instanceId: "a", leaseUntil: NOW, now: NOW };
    await storage.claimDelivery(input);
    await storage.markDelivered({ ...input, deliveredAt: NOW, messageTs: "1.2", entryFingerprints: {} });
    expect((await handleDigestCommand(request("status"), deps)).text).toContain(
      M.lastDelivered("2025-07-21"),
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
    expect(reply.blocks[0]).toMatchObject({
      type: "header",
      text: { text: DIGEST_MESSAGES.header("Tuesday", "2025-07-22") },
    });
    expect(JSON.stringify(reply.blocks)).toContain(DIGEST_MESSAGES.firstDigest);
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
    const reply = await handler({ action: "on", time: "18:15", timeZone: "Europe/Kyiv" }, context);
    expect(reply.text).toBe(M.subscribed("18:15", "Europe/Kyiv", true));
    expect((await handler({ action: "status" }, context)).text).toContain(
      M.statusEnabled("18:15", "Europe/Kyiv"),
    );
    expect(await createHomeDigestLoader(storage)("T1")).toEqual({
      subscriptions: [expect.objectContaining({ channelId: "C9", time: "18:15", timeZone: "Europe/Kyiv" })],
    });
    expect(await createHomeDigestLoader(storage)("T2")).toEqual({ subscriptions: [] });
  });
});
