import { describe, expect, it } from "vitest";
import { ACTION_IDS, decodeSuggestion } from "../../src/blocks/actions.js";
import { buildEscalationMessage } from "../../src/blocks/escalation.js";
import { ESCALATION_TEXT } from "../../src/blocks/messages.js";
import { buildSmallTalkMessage } from "../../src/blocks/small-talk.js";
import { SMALL_TALK_TEXT } from "../../src/conversation/messages.js";
import { allText, limitViolations } from "../helpers/block-limits.js";
import { DECLINED } from "../helpers/knowledge.js";

const GREETING = { ...DECLINED, text: SMALL_TALK_TEXT.greeting, confidence: 0 };

describe("the reply to small talk", () => {
  const message = buildSmallTalkMessage(GREETING, "greeting");

  it("matches the expected structure", () => {
    expect(message).toMatchSnapshot();
  });

  it("says its line and offers three example questions that answer on click, and nothing to rate or share", () => {
    expect(message.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: SMALL_TALK_TEXT.greeting },
    });
    const buttons = message.blocks.flatMap((block) => (block.type === "actions" ? block.elements : []));
    expect(buttons).toHaveLength(3);
    for (const button of buttons) {
      expect(button.type === "button" && button.action_id?.startsWith(ACTION_IDS.suggestionPrefix)).toBe(
        true,
      );
    }
    const first = buttons[0];
    expect(first?.type === "button" && decodeSuggestion(first.value)).toEqual({
      entryId: "next-round",
      normalisedQuestion: "greeting",
    });
    expect(allText(message.blocks)).not.toContain("Was this helpful?");
    expect(message.text).toContain(SMALL_TALK_TEXT.greeting);
    expect(limitViolations(message.blocks)).toEqual([]);
  });
});

describe("the question posted for a person", () => {
  const message = buildEscalationMessage({
    question: "what about <!channel> and *bold* _claims_?",
    userId: "U0001",
    channelId: "C0001",
  });

  it("matches the expected structure", () => {
    expect(message).toMatchSnapshot();
  });

  it("says who asked and where, and quotes the question so it can neither ping nor format", () => {
    const text = allText(message.blocks);
    expect(text).toContain(ESCALATION_TEXT.askedIn("U0001", "C0001"));
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("\u200B*\u200Bbold\u200B*\u200B");
    expect(message.text).toContain(ESCALATION_TEXT.title);
  });

  it("says a direct message without linking it, and never links an id that is not Slack's", () => {
    const fromDm = buildEscalationMessage({ question: "q", userId: "U0001", channelId: "D0001" });
    expect(allText(fromDm.blocks)).toContain(ESCALATION_TEXT.askedIn("U0001", null));
    const odd = buildEscalationMessage({ question: "q", userId: "<!here>", channelId: "<!channel>" });
    expect(allText(odd.blocks)).not.toMatch(/<!here>|<!channel>/);
    expect(allText(odd.blocks)).toContain(ESCALATION_TEXT.askedIn(null, null));
  });

  it("keeps a very long question within Slack's limits", () => {
    const long = buildEscalationMessage({
      question: "why ".repeat(2_000),
      userId: "U0001",
      channelId: "C0001",
    });
    expect(limitViolations(long.blocks)).toEqual([]);
  });
});
