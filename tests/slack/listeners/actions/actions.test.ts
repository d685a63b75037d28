import { describe, expect, it } from "vitest";
import {
  ACTION_IDS,
  encodeEscalation,
  encodeFeedback,
  encodeShare,
  encodeSuggestion,
} from "../../../../src/blocks/actions.js";
import {
  ANSWER_NO_LONGER_AVAILABLE,
  ESCALATION_TEXT,
  FEEDBACK_THANKS,
  SOMETHING_WENT_WRONG,
} from "../../../../src/blocks/messages.js";
import { loadConfig } from "../../../../src/config/env.js";
import {
  answerFeedbackCallback,
  FEEDBACK_LOG_MESSAGES,
} from "../../../../src/slack/listeners/actions/answer-feedback.js";
import { answerSuggestionCallback } from "../../../../src/slack/listeners/actions/answer-suggestion.js";
import { escalateQuestionCallback } from "../../../../src/slack/listeners/actions/escalate-question.js";
import { shareAnswerCallback } from "../../../../src/slack/listeners/actions/share-answer.js";
import { ANSWERED } from "../../../helpers/knowledge.js";
import { buildDeps, buttonArguments, NOW } from "../../../helpers/slack-arguments.js";

const shareValue = encodeShare({
  kind: "answer",
  entryId: "next-round",
  question: "next round?",
  normalisedQuestion: "next round",
});

describe("Share in channel", () => {
  it("replaces the ephemeral reply with a public copy that says who shared it", async () => {
    const { deps } = buildDeps();
    const call = buttonArguments(ACTION_IDS.share, shareValue, { ephemeral: true });
    await shareAnswerCallback(deps)(call.args);
    expect(call.ack).toHaveBeenCalled();
    const posted = call.respond.mock.calls[0]?.[0];
    expect(posted).toMatchObject({ response_type: "in_channel", delete_original: true });
    expect(JSON.stringify(posted?.blocks)).toContain("Shared by <@U0002>");
    expect(JSON.stringify(posted?.blocks)).toContain(ANSWERED.text);
    expect(JSON.stringify(posted?.blocks)).not.toContain(ACTION_IDS.share);
  });

  it("shares the status card too", async () => {
    const { deps, engine } = buildDeps();
    const call = buttonArguments(ACTION_IDS.share, encodeShare({ kind: "status" }), { ephemeral: true });
    await shareAnswerCallback(deps)(call.args);
    expect(JSON.stringify(call.respond.mock.calls[0]?.[0])).toContain(engine.kb.status.summary);
  });

  it("says so privately when the shared entry is gone or the value is garbage", async () => {
    const { deps } = buildDeps();
    for (const value of [
      encodeShare({ kind: "answer", entryId: "gone", question: null, normalisedQuestion: "" }),
      "{not json",
    ]) {
      const call = buttonArguments(ACTION_IDS.share, value, { ephemeral: true });
      await shareAnswerCallback(deps)(call.args);
      expect(call.respond.mock.calls[0]?.[0]).toMatchObject({
        response_type: "ephemeral",
        text: ANSWER_NO_LONGER_AVAILABLE,
      });
    }
  });
});

describe("suggested question", () => {
  const value = encodeSuggestion({ entryId: "next-round", normalisedQuestion: "weather" });

  it("replaces an ephemeral decline with the answer", async () => {
    const { deps } = buildDeps();
    const call = buttonArguments(`${ACTION_IDS.suggestionPrefix}0`, value, { ephemeral: true });
    await answerSuggestionCallback(deps)(call.args);
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: "ephemeral",
      replace_original: true,
      text: expect.stringContaining(ANSWERED.text),
    });
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it("answers in the same thread when the decline was public", async () => {
    const { deps } = buildDeps();
    const call = buttonArguments(`${ACTION_IDS.suggestionPrefix}1`, value, { threadTs: "1699999999.000001" });
    await answerSuggestionCallback(deps)(call.args);
    expect(call.client.chat.postMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: "C0001",
        thread_ts: "1699999999.000001",
        text: expect.stringContaining(ANSWERED.text),
      }),
    );
  });

  it("apologises when answering fails", async () => {
    const { deps, engine } = buildDeps();
    engine.failWith = new Error("boom");
    const call = buttonArguments(`${ACTION_IDS.suggestionPrefix}0`, value, { ephemeral: true });
    await answerSuggestionCallback(deps)(call.args);
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({ text: SOMETHING_WENT_WRONG });
  });
});

describe("Was this helpful?", () => {
  it("records the vote without user ids and thanks the user privately", async () => {
    const { deps, feedback } = buildDeps();
    const call = buttonArguments(
      ACTION_IDS.feedbackUnhelpful,
      encodeFeedback({ entryId: "next-round", helpful: false, normalisedQuestion: "next round" }),
    );
    await answerFeedbackCallback(deps)(call.args);
    expect(feedback.records).toEqual([
      { entryId: "next-round", helpful: false, normalisedQuestion: "next round", at: NOW },
    ]);
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: FEEDBACK_THANKS.unhelpful,
    });
  });

  it("still thanks when the vote cannot be stored, and logs the lost vote as a warning", async () => {
    const { deps, logs } = buildDeps({
      feedback: { recordFeedback: async () => Promise.reject(new Error("db down")) },
    });
    const call = buttonArguments(
      ACTION_IDS.feedbackHelpful,
      encodeFeedback({ entryId: null, helpful: true, normalisedQuestion: "q" }),
    );
    await answerFeedbackCallback(deps)(call.args);
    expect(call.respond).toHaveBeenCalledTimes(1);
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({ text: FEEDBACK_THANKS.helpful });
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: "warn", msg: FEEDBACK_LOG_MESSAGES.notRecorded }),
    );
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: "info", handledAs: "feedback", recorded: false }),
    );
  });

  it("sends the thanks once more when the first response_url post fails, and logs an error if that fails too", async () => {
    const { deps, feedback, logs } = buildDeps();
    const call = buttonArguments(
      ACTION_IDS.feedbackUnhelpful,
      encodeFeedback({ entryId: "next-round", helpful: false, normalisedQuestion: "next round" }),
    );
    call.respond.mockRejectedValueOnce(new Error("500"));
    await answerFeedbackCallback(deps)(call.args);
    expect(call.respond).toHaveBeenCalledTimes(2);
    expect(call.respond.mock.calls[1]?.[0]).toMatchObject({ text: FEEDBACK_THANKS.unhelpful });
    expect(feedback.records).toHaveLength(1);
    expect(logs.entries().filter((line) => line.level === "error")).toEqual([]);

    const failing = buttonArguments(
      ACTION_IDS.feedbackUnhelpful,
      encodeFeedback({ entryId: "next-round", helpful: false, normalisedQuestion: "next round" }),
    );
    failing.respond.mockRejectedValue(new Error("500"));
    await answerFeedbackCallback(deps)(failing.args);
    expect(failing.respond).toHaveBeenCalledTimes(2);
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({ level: "error", msg: FEEDBACK_LOG_MESSAGES.thanksFailed }),
    );
  });
});

describe("Ask a person", () => {
  const withChannel = () =>
    buildDeps({
      config: loadConfig({
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "secret",
        ESCALATION_CHANNEL: "CHELP0001",
      }),
    });

  it("posts the question to ESCALATION_CHANNEL with who asked, and tells the asker where, privately", async () => {
    const { deps } = withChannel();
    const call = buttonArguments(ACTION_IDS.escalate, encodeEscalation({ question: "banana bread?" }));
    await escalateQuestionCallback(deps)(call.args);
    expect(call.ack).toHaveBeenCalled();
    const posted = call.client.chat.postMessage.mock.calls[0]?.[0];
    expect(posted?.channel).toBe("CHELP0001");
    expect(JSON.stringify(posted?.blocks)).toContain(ESCALATION_TEXT.askedIn("U0002", "C0001"));
    expect(JSON.stringify(posted?.blocks)).toContain("banana bread?");
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: ESCALATION_TEXT.passedOn("CHELP0001"),
    });
  });

  it("tells the asker it could not be passed on when Slack refuses the post, and logs why", async () => {
    const { deps, logs } = withChannel();
    const call = buttonArguments(ACTION_IDS.escalate, encodeEscalation({ question: "q?" }));
    call.client.chat.postMessage.mockRejectedValueOnce(new Error("not_in_channel"));
    await escalateQuestionCallback(deps)(call.args);
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({ text: ESCALATION_TEXT.failed });
    expect(logs.entries().some((line) => String(line.msg).includes("ESCALATION_CHANNEL"))).toBe(true);
  });

  it("passes nothing on once ESCALATION_CHANNEL is no longer set, and says so", async () => {
    const { deps } = buildDeps();
    const call = buttonArguments(ACTION_IDS.escalate, encodeEscalation({ question: "q?" }));
    await escalateQuestionCallback(deps)(call.args);
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
    expect(call.respond.mock.calls[0]?.[0]).toMatchObject({ text: ESCALATION_TEXT.unavailable });
  });
});
