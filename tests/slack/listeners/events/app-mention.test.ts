import { describe, expect, it } from "vitest";
import { MENTION_HOW_TO, SOMETHING_WENT_WRONG } from "../../../../src/blocks/messages.js";
import { appMentionCallback } from "../../../../src/slack/listeners/events/app-mention.js";
import { ANSWERED } from "../../../helpers/knowledge.js";
import { BOT_USER_ID, buildDeps, mentionArguments } from "../../../helpers/slack-arguments.js";

describe("app_mention", () => {
  it("answers in a thread under the mention, without the bot's own mention in the question", async () => {
    const { deps, engine, questionLog } = buildDeps();
    const call = mentionArguments(`<@${BOT_USER_ID}> when is the next round?`);
    await appMentionCallback(deps)(call.args);
    expect(engine.calls).toEqual(["when is the next round?"]);
    expect(call.client.chat.postMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: "C0001",
        thread_ts: call.event.ts,
        text: expect.stringContaining(ANSWERED.text),
      }),
    );
    expect(questionLog.records).toHaveLength(1);
  });

  it("answers inside the thread it was asked in", async () => {
    const { deps } = buildDeps();
    const call = mentionArguments(`<@${BOT_USER_ID}> next round`, { threadTs: "1699999999.000001" });
    await appMentionCallback(deps)(call.args);
    expect(call.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ thread_ts: "1699999999.000001" });
  });

  it("gives a short how-to for a mention without a question", async () => {
    const { deps, questionLog } = buildDeps();
    const call = mentionArguments(`<@${BOT_USER_ID}>   `);
    await appMentionCallback(deps)(call.args);
    expect(call.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({ text: MENTION_HOW_TO });
    expect(questionLog.records).toEqual([]);
  });

  it("answers an event id once, even when Slack redelivers it", async () => {
    const { deps } = buildDeps();
    const first = mentionArguments(`<@${BOT_USER_ID}> next round`, { eventId: "EvSame" });
    const retry = mentionArguments(`<@${BOT_USER_ID}> next round`, { eventId: "EvSame" });
    retry.context.retryNum = 1;
    await appMentionCallback(deps)(first.args);
    await appMentionCallback(deps)(retry.args);
    expect(first.client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(retry.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it("answers a redelivery whose original never arrived", async () => {
    const { deps } = buildDeps();
    const retry = mentionArguments(`<@${BOT_USER_ID}> next round`, { eventId: "EvLost" });
    retry.context.retryNum = 2;
    await appMentionCallback(deps)(retry.args);
    expect(retry.client.chat.postMessage).toHaveBeenCalledTimes(1);
  });

  it("leaves direct messages to the message.im listener", async () => {
    const { deps } = buildDeps();
    const call = mentionArguments(`<@${BOT_USER_ID}> next round`, { channel: "D0001" });
    await appMentionCallback(deps)(call.args);
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it("posts an apology in the thread when answering fails", async () => {
    const { deps, engine, logs } = buildDeps();
    engine.failWith = new Error("boom");
    const call = mentionArguments(`<@${BOT_USER_ID}> next round`);
    await appMentionCallback(deps)(call.args);
    expect(call.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({
      thread_ts: call.event.ts,
      text: SOMETHING_WENT_WRONG,
    });
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: "error", eventId: "Ev0001" }));
  });
});

describe("app_mention with Slack markup around the question", () => {
  it("asks the words typed: other mentions, broadcasts and channel links dropped, entities decoded", async () => {
    const { deps, engine } = buildDeps();
    const call = mentionArguments(
      `<@${BOT_USER_ID}> <@U123> <!channel> Russia &amp; Ukraine: next round? <#C1|x>`,
    );
    await appMentionCallback(deps)(call.args);
    expect(engine.calls).toEqual(["Russia & Ukraine: next round?"]);
  });
});
