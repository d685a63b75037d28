import { describe, expect, it, vi } from "vitest";
import { ACTION_IDS } from "../../../../src/blocks/actions.js";
import { DIGEST_NOT_AVAILABLE, SOMETHING_WENT_WRONG } from "../../../../src/blocks/messages.js";
import { digestProblems } from "../../../../src/commands/messages.js";
import {
  DIGEST_ACK_BUDGET_MS,
  talksCommandCallback,
} from "../../../../src/slack/listeners/commands/talks-command.js";
import { ANSWERED } from "../../../helpers/knowledge.js";
import { buildDeps, commandArguments, NOW } from "../../../helpers/slack-arguments.js";

describe("/talks", () => {
  it("answers in the acknowledgement itself, ephemerally with Share in channel, and logs the question", async () => {
    const { deps, questionLog } = buildDeps();
    const call = commandArguments("when is the next round?");
    await talksCommandCallback(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).not.toHaveBeenCalled();
    const reply = call.ack.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(reply).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining(ANSWERED.text) });
    expect(JSON.stringify(reply.blocks)).toContain(ACTION_IDS.share);
    expect(questionLog.records).toEqual([
      expect.objectContaining({
        teamId: "T0001",
        normalisedQuestion: "when is the next round",
        entryId: ANSWERED.id,
        answered: true,
        at: NOW,
      }),
    ]);
    expect(JSON.stringify(questionLog.records)).not.toContain("U0001");
  });

  it("shows the status card for `/talks status` without logging a question", async () => {
    const { deps, questionLog, engine } = buildDeps();
    const call = commandArguments("status");
    await talksCommandCallback(deps)(call.args);
    expect(JSON.stringify(call.ack.mock.calls[0]?.[0])).toContain(engine.kb.status.summary);
    expect(questionLog.records).toEqual([]);
  });

  it("writes one info line with the command's context, outcome and latency, and no user text", async () => {
    const { deps, logs } = buildDeps();
    await talksCommandCallback(deps)(commandArguments("When is the NEXT round? <secret words>").args);
    const lines = logs.entries().filter((entry) => entry.level === "info");
    expect(lines).toEqual([
      expect.objectContaining({
        kind: "command",
        command: "/talks",
        trigger: "1.2.3",
        handledAs: "ask",
        entryId: ANSWERED.id,
        confidence: ANSWERED.confidence,
        answered: true,
        latencyMs: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(logs.entries())).not.toContain("secret words");
  });

  it("says the digest is not available when no digest handler is wired in", async () => {
    const { deps } = buildDeps();
    const call = commandArguments("digest on 09:00");
    await talksCommandCallback(deps)(call.args);
    expect(call.ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: "ephemeral",
      text: DIGEST_NOT_AVAILABLE,
    });
  });

  it("hands parsed digest commands to the digest handler and acks with its quick reply", async () => {
    const digest = vi.fn(async () => ({ text: "subscribed", blocks: [] }));
    const { deps } = buildDeps({ digest });
    const call = commandArguments("digest on 7:30 Europe/Kyiv daily");
    await talksCommandCallback(deps)(call.args);
    expect(digest).toHaveBeenCalledWith(
      { action: "on", time: "07:30", timeZone: "Europe/Kyiv", cadence: "daily" },
      { teamId: "T0001", channelId: "C0001", userId: "U0001", now: NOW },
    );
    expect(call.ack.mock.calls[0]?.[0]).toMatchObject({ response_type: "ephemeral", text: "subscribed" });
    expect(call.respond).not.toHaveBeenCalled();
  });

  it("acks at once and replies through the response_url when the digest store is slow", async () => {
    vi.useFakeTimers();
    try {
      let finish: (value: { text: string; blocks: [] }) => void = () => undefined;
      const digest = vi.fn(() => new Promise<{ text: string; blocks: [] }>((resolve) => (finish = resolve)));
      const { deps } = buildDeps({ digest });
      const call = commandArguments("digest status");
      const handled = talksCommandCallback(deps)(call.args);
      await vi.advanceTimersByTimeAsync(DIGEST_ACK_BUDGET_MS);
      expect(call.ack).toHaveBeenCalledWith();
      expect(call.respond).not.toHaveBeenCalled();
      finish({ text: "status later", blocks: [] });
      await handled;
      expect(call.respond).toHaveBeenCalledWith({
        response_type: "ephemeral",
        text: "status later",
        blocks: [],
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("acks with the apology when the digest handler fails quickly", async () => {
    const digest = vi.fn(async () => Promise.reject(new Error("db down")));
    const { deps, logs } = buildDeps({ digest });
    const call = commandArguments("digest status");
    await talksCommandCallback(deps)(call.args);
    expect(call.ack.mock.calls[0]?.[0]).toMatchObject({ text: SOMETHING_WENT_WRONG });
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: "error", channelId: "C0001" }));
  });

  it("explains a malformed digest command instead of calling the handler", async () => {
    const digest = vi.fn();
    const { deps } = buildDeps({ digest });
    const call = commandArguments("digest on 25:99");
    await talksCommandCallback(deps)(call.args);
    expect(digest).not.toHaveBeenCalled();
    expect(call.ack.mock.calls[0]?.[0]).toMatchObject({ text: digestProblems.badTime("25:99") });
  });

  it("acks with an apology and logs the error with context when answering fails", async () => {
    const { deps, engine, logs } = buildDeps();
    engine.failWith = new Error("matcher exploded");
    const call = commandArguments("next round");
    await talksCommandCallback(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: "ephemeral",
      text: SOMETHING_WENT_WRONG,
    });
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: "error",
        command: "/talks",
        channelId: "C0001",
        err: expect.objectContaining({ message: "matcher exploded" }),
      }),
    );
  });

  it("still answers when the question log fails", async () => {
    const { deps, logs } = buildDeps({
      questionLog: { logQuestion: async () => Promise.reject(new Error("db down")) },
    });
    const call = commandArguments("next round");
    await talksCommandCallback(deps)(call.args);
    expect(call.ack.mock.calls[0]?.[0]).toMatchObject({ text: expect.stringContaining(ANSWERED.text) });
    // The log is written behind the reply, so its failure is reported a moment later.
    await vi.waitFor(() => expect(logs.entries()).toContainEqual(expect.objectContaining({ level: "warn" })));
  });
});

describe("/talks with Slack markup in the text", () => {
  it("routes the words typed: a mention before a command word still gives the command", async () => {
    const { deps, engine } = buildDeps();
    const call = commandArguments("<@U123> status");
    await talksCommandCallback(deps)(call.args);
    expect(JSON.stringify(call.ack.mock.calls[0]?.[0])).toContain(engine.kb.status.summary);
  });

  it("asks the decoded question and echoes it escaped once, not twice", async () => {
    const { deps, engine } = buildDeps();
    const call = commandArguments("<https://x|y> next round &amp; &lt;why&gt;?");
    await talksCommandCallback(deps)(call.args);
    expect(engine.calls).toEqual(["y next round & <why>?"]);
    const reply = JSON.stringify(call.ack.mock.calls[0]?.[0]);
    expect(reply).toContain("y next round &amp; &lt;why&gt;?");
    expect(reply).not.toContain("&amp;amp;");
    expect(reply).not.toContain("&amp;lt;");
  });
});
