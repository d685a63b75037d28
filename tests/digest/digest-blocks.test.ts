import { describe, expect, it } from "vitest";
import { buildDigestMessage } from "../../src/blocks/digest.js";
import { LIMITS } from "../../src/blocks/text.js";
import type { DigestContent } from "../../src/digest/compose.js";
import { DIGEST_MESSAGES } from "../../src/digest/messages.js";

const content: DigestContent = {
  localDate: "2025-07-23",
  weekday: "Wednesday",
  status: {
    summary: "A third round was scheduled for 23 July 2025 in Istanbul.",
    ageLine: "As of 22 Jul 2025 — 1 day ago",
    staleLine: null,
  },
  changes: { kind: "first" },
  upcoming: { kind: "events", events: [{ date: "2025-07-23", label: "Third round in Istanbul" }] },
  questions: {
    total: 4,
    unanswered: 2,
    top: [
      { question: "<!channel> who mediates", count: 2, unanswered: 2 },
      { question: "ask <@U123> & <https://evil.test|click>", count: 1, unanswered: 0 },
    ],
  },
  sources: [{ outlet: "AP News", date: "2025-07-22", title: "Talks" }],
};

const allText = (message: ReturnType<typeof buildDigestMessage>) => JSON.stringify(message);

describe("the digest as a Slack message", () => {
  it("has a dated header, each part titled, and the sources", () => {
    const message = buildDigestMessage(content);
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Talks digest — Wednesday 23 Jul 2025", emoji: true },
    });
    const text = allText(message);
    for (const part of [
      DIGEST_MESSAGES.statusTitle,
      DIGEST_MESSAGES.changesTitle,
      DIGEST_MESSAGES.firstDigest,
      DIGEST_MESSAGES.upcomingTitle,
      "23 Jul 2025: Third round in Istanbul",
      DIGEST_MESSAGES.questionTotals(4, 2),
      "As of 22 Jul 2025 — 1 day ago",
      "Source: “Talks” (22 Jul 2025), citing AP News",
    ]) {
      expect(text).toContain(part);
    }
    expect(message.text).toContain("Talks digest — Wednesday 23 Jul 2025");
  });

  it("opens with how old its information is once stale, before anything else", () => {
    const stale = "From 22 Jul 2025 — 16 months old; nothing newer in the data.";
    const message = buildDigestMessage({
      ...content,
      status: { ...content.status, ageLine: "As of 22 Jul 2025 — 16 months ago", staleLine: stale },
    });
    expect(message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: `⚠️ *${stale}*` } });
    expect(message.blocks[1]).toMatchObject({ type: "header" });
    expect(message.text.split("\n")[0]).toBe(stale);
    expect(allText(message)).not.toContain("As of");
  });

  it("escapes logged questions so they never ping anyone or link anywhere", () => {
    const text = allText(buildDigestMessage(content));
    expect(text).toContain("&lt;!channel&gt; who mediates");
    expect(text).toContain("&lt;@U123&gt; &amp; &lt;https://evil.test|click&gt;");
    expect(text).not.toMatch(/<!channel>|<@U123>|<https:\/\/evil/);
  });

  it("says when no events are scheduled, naming the data's latest date", () => {
    const text = allText(
      buildDigestMessage({ ...content, upcoming: { kind: "none", latestDate: "2025-07-23" } }),
    );
    expect(text).toContain(DIGEST_MESSAGES.noUpcoming("2025-07-23"));
  });

  it("stays within Slack's limits when everything is long", () => {
    const long = "x".repeat(5_000);
    const message = buildDigestMessage({
      ...content,
      status: { summary: long, ageLine: "As of 22 Jul 2025", staleLine: long },
      questions: {
        total: 500,
        unanswered: 500,
        top: Array.from({ length: 5 }, () => ({ question: `<!here> ${long}`, count: 100, unanswered: 100 })),
      },
      changes: {
        kind: "changed",
        since: "2025-07-22",
        added: Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, question: long })),
        updated: [],
        more: 3,
        removed: 0,
        statusUpdated: true,
        timelineUpdated: true,
      },
    });
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    for (const block of message.blocks) {
      if (block.type === "section")
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(allText(message)).not.toContain("<!here>");
  });
});
