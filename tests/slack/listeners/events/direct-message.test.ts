import { describe, expect, it } from "vitest";
import { directMessageCallback } from "../../../../src/slack/listeners/events/direct-message.js";
import { ANSWERED } from "../../../helpers/knowledge.js";
import { BOT_USER_ID, buildDeps, messageArguments } from "../../../helpers/slack-arguments.js";

describe("message.im", () => {
  it("answers a person's direct message in the DM", async () => {
    const { deps, questionLog } = buildDeps();
    const call = messageArguments({ text: "when is the next round" });
    await directMessageCallback(deps)(call.args);
    const posted = call.client.chat.postMessage.mock.calls[0]?.[0];
    expect(posted).toMatchObject({ channel: "D0001", text: expect.stringContaining(ANSWERED.text) });
    expect(posted).not.toHaveProperty("thread_ts");
    expect(questionLog.records).toHaveLength(1);
  });

  it.each([
    ["an edit", { subtype: "message_changed", text: "next round" }],
    ["a deletion", { subtype: "message_deleted" }],
    ["another bot", { bot_id: "B999", text: "next round" }],
    ["the bot itself", { user: BOT_USER_ID, text: "next round" }],
    ["a channel message", { channel_type: "channel", channel: "C1", text: "next round" }],
  ])("ignores %s", async (_, fields) => {
    const { deps } = buildDeps();
    const call = messageArguments(fields);
    await directMessageCallback(deps)(call.args);
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it("does not answer a redelivered message twice", async () => {
    const { deps } = buildDeps();
    const first = messageArguments({ text: "next round" }, "EvDm");
    const again = messageArguments({ text: "next round" }, "EvDm");
    await directMessageCallback(deps)(first.args);
    await directMessageCallback(deps)(again.args);
    expect(first.client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(again.client.chat.postMessage).not.toHaveBeenCalled();
  });
});

describe("message.im with Slack markup", () => {
  it("asks the words typed, with mentions dropped and entities decoded", async () => {
    const { deps, engine } = buildDeps();
    const call = messageArguments({ text: "<@U123> next round &gt; today?" });
    await directMessageCallback(deps)(call.args);
    expect(engine.calls).toEqual(["next round > today?"]);
  });
});
