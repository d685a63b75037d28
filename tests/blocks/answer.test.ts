import { describe, expect, it } from "vitest";
import { answerNotices } from "../../src/answers/freshness.js";
import { AGE_TEXT } from "../../src/answers/messages.js";
import {
  ACTION_IDS,
  decodeEscalation,
  decodeFeedback,
  decodeShare,
  decodeSuggestion,
} from "../../src/blocks/actions.js";
import { buildAnswerMessage, MAX_SUGGESTIONS } from "../../src/blocks/answer.js";
import { BLOCK_TEXT } from "../../src/blocks/messages.js";
import type { Block } from "../../src/blocks/types.js";
import { allText, limitViolations } from "../helpers/block-limits.js";
import { ANSWERED, DECLINED, makeKnowledgeBase } from "../helpers/knowledge.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const NOTICES = answerNotices(makeKnowledgeBase(), ANSWERED, { now: NOW, staleAfterDays: 14 });

function buttons(blocks: readonly Block[]) {
  return blocks
    .flatMap((block) => (block.type === "actions" ? block.elements : []))
    .filter((e) => e.type === "button");
}

function contexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === "context" ? block.elements.map((e) => ("text" in e ? e.text : "")) : [],
  );
}

describe("buildAnswerMessage — answered", () => {
  const message = buildAnswerMessage(ANSWERED, {
    notices: NOTICES,
    normalisedQuestion: "next round",
    shareable: true,
    question: "Next round?",
  });

  it("matches the expected structure", () => {
    expect(message).toMatchSnapshot();
  });

  it("opens with how old it is and that its date has passed, then the answer, then the article it is from", () => {
    expect(NOTICES).toEqual([
      AGE_TEXT.staleNothingNewer("22 Jul 2025", "16 months"),
      AGE_TEXT.eventPassedNothingLater("The third round in Istanbul", "23 Jul 2025"),
    ]);
    expect(message.blocks[1]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          "⚠️ *From 22 Jul 2025 — 16 months old; nothing newer in the data.*\n" +
          "⚠️ *The third round in Istanbul was scheduled for 23 Jul 2025 — that date has passed; the data has nothing later.*",
      },
    });
    expect(message.blocks[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: ANSWERED.text } });
    expect(contexts(message.blocks)).toContain(
      "Source: “Talks resume in Istanbul” (22 Jul 2025), citing AP News, Newsmax",
    );
    expect(message.text.split("\n").slice(0, 3)).toEqual([...NOTICES, ANSWERED.text]);
  });

  it("opens with no warning while the information is fresh", () => {
    const fresh = buildAnswerMessage(ANSWERED, { notices: [], normalisedQuestion: "q" });
    expect(fresh.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: ANSWERED.text } });
    expect(allText(fresh.blocks)).not.toContain("⚠️");
  });

  it("quotes the evidence when it adds to the answer, not when it repeats it", () => {
    const evidence = "Zelenskyy’s proposal comes ahead of a third round of negotiations";
    const quoted = buildAnswerMessage(
      { ...ANSWERED, evidence },
      { notices: NOTICES, normalisedQuestion: "q" },
    );
    expect(quoted.blocks[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: `> ${evidence}` } });
    const repeating = buildAnswerMessage(
      { ...ANSWERED, evidence: ANSWERED.text },
      { notices: NOTICES, normalisedQuestion: "q" },
    );
    expect(repeating.blocks.some((b) => b.type === "section" && b.text?.text.startsWith(">"))).toBe(false);
  });

  it("decides on the evidence per answer: the same quote may add to one answer and repeat another", () => {
    const evidence = "Zelenskyy’s proposal comes ahead of a third round of negotiations";
    const quotes = (text: string) =>
      buildAnswerMessage(
        { ...ANSWERED, text, evidence },
        { notices: NOTICES, normalisedQuestion: "q" },
      ).blocks.some((b) => b.type === "section" && b.text?.text.startsWith(">"));
    expect(quotes(ANSWERED.text)).toBe(true);
    expect(quotes(evidence)).toBe(false);
    expect(quotes(ANSWERED.text)).toBe(true);
  });

  it("formats a shared, frozen source list (as the engine gives) like a fresh one, answer after answer", () => {
    const sources = [
      { outlet: "AP News", date: "2025-07-22" },
      { outlet: "Newsmax", date: "2025-07-22" },
    ];
    const shared = Object.freeze(sources.map((source) => Object.freeze({ ...source })));
    const fresh = buildAnswerMessage({ ...ANSWERED, sources }, { notices: NOTICES, normalisedQuestion: "q" });
    for (let i = 0; i < 3; i += 1) {
      const again = buildAnswerMessage(
        { ...ANSWERED, sources: shared },
        { notices: NOTICES, normalisedQuestion: "q" },
      );
      expect(again).toEqual(fresh);
    }
    const other = buildAnswerMessage(
      { ...ANSWERED, sources: Object.freeze([Object.freeze({ outlet: "POLITICO", date: "2025-06-01" })]) },
      { notices: NOTICES, normalisedQuestion: "q" },
    );
    expect(contexts(other.blocks)).toContain("Source: POLITICO (1 Jun 2025)");
  });

  it("links the article's title when the document has a URL, and writes the URL out in the fallback", () => {
    const source = {
      outlet: "POLITICO",
      date: "2025-06-01",
      title: "Sanctions <b>update</b> & a title far too long to show in a source line whole",
      url: "https://example.org/a?b=1&c=2",
    };
    const linked = buildAnswerMessage(
      { ...ANSWERED, sources: [source] },
      { notices: NOTICES, normalisedQuestion: "q" },
    );
    expect(contexts(linked.blocks)).toContain(
      "Source: <https://example.org/a?b=1&amp;c=2|“Sanctions &lt;b&gt;update&lt;/b&gt; &amp; a title far too…”> (1 Jun 2025), citing POLITICO",
    );
    expect(linked.text).toContain(
      "Source: “Sanctions &lt;b&gt;update&lt;/b&gt; &amp; a title far too…” (1 Jun 2025), citing POLITICO — https://example.org/a?b=1&amp;c=2",
    );
  });

  it("asks whether it helped, and offers Share in channel on ephemeral replies", () => {
    const [yes, no, share] = buttons(message.blocks);
    expect(contexts(message.blocks)).toContain(BLOCK_TEXT.helpfulPrompt);
    expect(yes?.action_id).toBe(ACTION_IDS.feedbackHelpful);
    expect(decodeFeedback(yes?.value)).toEqual({
      entryId: ANSWERED.id,
      helpful: true,
      normalisedQuestion: "next round",
    });
    expect(decodeFeedback(no?.value)).toMatchObject({ helpful: false });
    expect(share?.action_id).toBe(ACTION_IDS.share);
    expect(decodeShare(share?.value)).toEqual({
      kind: "answer",
      entryId: ANSWERED.id,
      question: "Next round?",
      normalisedQuestion: "next round",
    });
  });

  it("has a plain-text fallback with the answer and its sources", () => {
    expect(message.text).toContain(ANSWERED.text);
    expect(message.text).toContain(
      "Source: “Talks resume in Istanbul” (22 Jul 2025), citing AP News, Newsmax",
    );
  });

  it("echoes the question escaped, so it cannot ping anyone", () => {
    const hostile = buildAnswerMessage(ANSWERED, {
      notices: NOTICES,
      normalisedQuestion: "q",
      question: "<!channel> <!here> <@U123> next round",
      shareable: true,
    });
    const text = allText(hostile.blocks) + hostile.text;
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toMatch(/<!|<@/);
  });

  it("says who shared it, without a second Share button", () => {
    const shared = buildAnswerMessage(ANSWERED, {
      notices: NOTICES,
      normalisedQuestion: "q",
      sharedBy: "U0002",
    });
    expect(contexts(shared.blocks)[0]).toBe("Shared by <@U0002>");
    expect(buttons(shared.blocks).map((b) => b.action_id)).not.toContain(ACTION_IDS.share);
  });

  it("stays within Slack's limits whatever the size of its parts", () => {
    const huge = buildAnswerMessage(
      {
        ...ANSWERED,
        text: "a ".repeat(5_000),
        evidence: "b ".repeat(5_000),
        sources: Array.from({ length: 300 }, (_, i) => ({ outlet: `Outlet ${i}`, date: "2025-07-22" })),
      },
      {
        notices: NOTICES,
        normalisedQuestion: "n".repeat(10_000),
        question: "q".repeat(10_000),
        shareable: true,
      },
    );
    expect(limitViolations(huge.blocks)).toEqual([]);
  });
});

describe("buildAnswerMessage — declined", () => {
  const message = buildAnswerMessage(DECLINED, { notices: NOTICES, normalisedQuestion: "weather in kyiv" });

  it("matches the expected structure", () => {
    expect(message).toMatchSnapshot();
  });

  it("says it has no answer and offers at most three suggestions that answer on click", () => {
    expect(message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: DECLINED.text } });
    const suggestions = buttons(message.blocks).filter((b) =>
      b.action_id?.startsWith(ACTION_IDS.suggestionPrefix),
    );
    expect(suggestions).toHaveLength(MAX_SUGGESTIONS);
    expect(suggestions.map((b) => b.text.text)).toEqual(
      DECLINED.suggestions.slice(0, 3).map((s) => s.question),
    );
    expect(suggestions.map((b) => decodeSuggestion(b.value))).toEqual(
      DECLINED.suggestions.slice(0, 3).map((s) => ({ entryId: s.id, normalisedQuestion: "weather in kyiv" })),
    );
    expect(new Set(suggestions.map((b) => b.action_id)).size).toBe(3);
  });

  it("asks no “Was this helpful?”: there is nothing to rate in a decline", () => {
    expect(contexts(message.blocks)).not.toContain(BLOCK_TEXT.helpfulPrompt);
    expect(buttons(message.blocks).map((b) => b.action_id)).not.toEqual(
      expect.arrayContaining([ACTION_IDS.feedbackHelpful]),
    );
    expect(buttons(message.blocks).map((b) => b.action_id)).not.toContain(ACTION_IDS.feedbackUnhelpful);
  });

  it("offers “Ask a person” carrying the question as asked, only when escalation is set up", () => {
    expect(buttons(message.blocks).map((b) => b.action_id)).not.toContain(ACTION_IDS.escalate);
    const question = "what about <!channel> and *the* banana bread?";
    const offered = buildAnswerMessage(DECLINED, {
      notices: [],
      normalisedQuestion: "banana bread",
      escalate: question,
    });
    expect(offered).toMatchSnapshot();
    const escalate = buttons(offered.blocks).find((b) => b.action_id === ACTION_IDS.escalate);
    expect(escalate?.text.text).toBe(BLOCK_TEXT.escalate);
    expect(decodeEscalation(escalate?.value)).toEqual({ question });
    expect(escalate?.value).not.toContain("<!channel>");
    expect(contexts(offered.blocks)).toContain(BLOCK_TEXT.escalatePrompt);
  });

  it("never offers “Ask a person” on an answer", () => {
    const answered = buildAnswerMessage(ANSWERED, { notices: [], normalisedQuestion: "q", escalate: "q?" });
    expect(buttons(answered.blocks).map((b) => b.action_id)).not.toContain(ACTION_IDS.escalate);
  });

  it("never offers to share a decline", () => {
    const shareable = buildAnswerMessage(DECLINED, {
      notices: NOTICES,
      normalisedQuestion: "q",
      shareable: true,
    });
    expect(buttons(shareable.blocks).map((b) => b.action_id)).not.toContain(ACTION_IDS.share);
  });

  it("has a fallback naming the suggestions, and long suggestion labels are cut to 75 characters", () => {
    expect(message.text).toContain("I don't have an answer to that.");
    expect(message.text).toContain("What does Russia demand?");
    const long = buildAnswerMessage(
      { ...DECLINED, suggestions: [{ id: "x", question: "Why ".repeat(50) }] },
      { notices: NOTICES, normalisedQuestion: "q" },
    );
    expect(limitViolations(long.blocks)).toEqual([]);
  });
});
