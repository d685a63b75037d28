import { describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../src/blocks/actions.js";
import { buildSourcesMessage } from "../../src/blocks/sources.js";
import { buildStatusMessage } from "../../src/blocks/status.js";
import { buildTimelineMessage } from "../../src/blocks/timeline.js";
import { questionLogRecord, replyTo, sharedMessage } from "../../src/commands/respond.js";
import { ANSWERED, DECLINED, FakeEngine } from "../helpers/knowledge.js";

const NOW = new Date("2026-11-25T12:00:00Z");

function buttonIds(blocks: unknown[]): string[] {
  return (
    JSON.stringify(blocks)
      .match(/"action_id":"[^"]+"/g)
      ?.map((m) => m.slice(13, -1)) ?? []
  );
}

describe("replyTo", () => {
  it("answers a question and returns what the question log keeps", async () => {
    const engine = new FakeEngine();
    const reply = await replyTo(
      { kind: "ask", question: "When is the NEXT round?" },
      { engine, now: NOW, staleAfterDays: 14, ephemeral: true, teamId: "T0001" },
    );
    expect(engine.calls).toEqual(["When is the NEXT round?"]);
    expect(reply.logRecord).toEqual({
      teamId: "T0001",
      normalisedQuestion: "when is the next round",
      entryId: ANSWERED.id,
      closestEntryId: ANSWERED.id,
      confidence: ANSWERED.confidence,
      answered: true,
      at: NOW,
    });
    expect(buttonIds(reply.message.blocks)).toContain(ACTION_IDS.share);
  });

  it("offers no Share button outside ephemeral replies", async () => {
    const reply = await replyTo(
      { kind: "ask", question: "next round" },
      { engine: new FakeEngine(), now: NOW, staleAfterDays: 14, ephemeral: false },
    );
    expect(buttonIds(reply.message.blocks)).not.toContain(ACTION_IDS.share);
  });

  it("logs a decline with the closest entry and no entry id", async () => {
    const asked = { answer: DECLINED, normalisedQuestion: "weather", more: [] };
    expect(questionLogRecord(asked, NOW)).toMatchObject({
      teamId: null,
      entryId: null,
      closestEntryId: "next-round",
      answered: false,
    });
  });

  it("logs nothing for cards and help", async () => {
    const engine = new FakeEngine();
    for (const kind of ["status", "timeline", "sources"] as const) {
      expect(
        (await replyTo({ kind }, { engine, now: NOW, staleAfterDays: 14, ephemeral: true })).logRecord,
      ).toBeNull();
    }
    expect(
      (
        await replyTo(
          { kind: "help", unrecognised: null },
          { engine, now: NOW, staleAfterDays: 14, ephemeral: true },
        )
      ).logRecord,
    ).toBeNull();
    expect(engine.calls).toEqual([]);
  });
});

describe("sharedMessage", () => {
  it("rebuilds the answer from the data and says who shared it", async () => {
    const message = sharedMessage(
      {
        kind: "answer",
        entryId: ANSWERED.id ?? "",
        question: "next round?",
        normalisedQuestion: "next round",
      },
      { engine: new FakeEngine(), now: NOW, staleAfterDays: 14 },
      "U0002",
    );
    const json = JSON.stringify(message?.blocks);
    expect(json).toContain("Shared by <@U0002>");
    expect(json).toContain(ANSWERED.text);
    expect(buttonIds(message?.blocks ?? [])).not.toContain(ACTION_IDS.share);
  });

  it("is null when the entry is gone", async () => {
    expect(
      sharedMessage(
        { kind: "answer", entryId: "gone", question: null, normalisedQuestion: "" },
        { engine: new FakeEngine(), now: NOW, staleAfterDays: 14 },
        "U1",
      ),
    ).toBeNull();
  });
});

describe("replyTo's cards, built once per data version and day", () => {
  const cards = ["status", "timeline", "sources"] as const;

  it("gives the same message as a fresh build, reused for the rest of the day", async () => {
    const engine = new FakeEngine();
    for (const kind of cards) {
      for (const ephemeral of [true, false]) {
        const first = (await replyTo({ kind }, { engine, now: NOW, staleAfterDays: 14, ephemeral })).message;
        const later = (
          await replyTo(
            { kind },
            { engine, now: new Date("2026-11-25T23:59:00Z"), staleAfterDays: 14, ephemeral },
          )
        ).message;
        expect(later).toBe(first);
        const fresh =
          kind === "status"
            ? buildStatusMessage(engine.kb, { now: NOW, staleAfterDays: 14 }, { shareable: ephemeral })
            : kind === "timeline"
              ? buildTimelineMessage(engine.kb, NOW, { shareable: ephemeral })
              : buildSourcesMessage(engine.kb, { shareable: ephemeral });
        expect(first).toEqual(fresh);
      }
    }
    expect(
      (await replyTo({ kind: "status" }, { engine, now: NOW, staleAfterDays: 14, ephemeral: true })).message,
    ).not.toBe(
      (await replyTo({ kind: "status" }, { engine, now: NOW, staleAfterDays: 14, ephemeral: false })).message,
    );
  });

  it("is rebuilt the next day (ages move on) and for swapped data", async () => {
    const engine = new FakeEngine();
    const today = (
      await replyTo({ kind: "status" }, { engine, now: NOW, staleAfterDays: 14, ephemeral: true })
    ).message;
    const nextMonth = new Date("2026-12-26T00:00:01Z");
    const tomorrow = (
      await replyTo({ kind: "status" }, { engine, now: nextMonth, staleAfterDays: 14, ephemeral: true })
    ).message;
    expect(tomorrow).not.toBe(today);
    expect(tomorrow).toEqual(
      buildStatusMessage(engine.kb, { now: nextMonth, staleAfterDays: 14 }, { shareable: true }),
    );
    const swapped = new FakeEngine();
    expect(swapped.kb).not.toBe(engine.kb);
    expect(
      (
        await replyTo(
          { kind: "status" },
          { engine: swapped, now: nextMonth, staleAfterDays: 14, ephemeral: true },
        )
      ).message,
    ).not.toBe(tomorrow);
  });
});
