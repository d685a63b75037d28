import { describe, expect, it } from "vitest";
import { AGE_TEXT } from "../../src/answers/messages.js";
import { ACTION_IDS, decodeShare } from "../../src/blocks/actions.js";
import { buildHelpMessage } from "../../src/blocks/help.js";
import { buildHomeView } from "../../src/blocks/home.js";
import { BLOCK_TEXT, HELP_LINES, unrecognisedCommand } from "../../src/blocks/messages.js";
import { buildSourcesMessage } from "../../src/blocks/sources.js";
import { buildStatusMessage } from "../../src/blocks/status.js";
import { LIMITS } from "../../src/blocks/text.js";
import { buildTimelineMessage } from "../../src/blocks/timeline.js";
import type { Block } from "../../src/blocks/types.js";
import { DISABLED_REASONS, UNKNOWN_DISABLED_REASON } from "../../src/digest/messages.js";
import type { SourceDocument } from "../../src/knowledge/schema.js";
import { allText, limitViolations } from "../helpers/block-limits.js";
import { makeKnowledgeBase } from "../helpers/knowledge.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const BEFORE_EVENT = new Date("2025-07-22T18:00:00Z");
const READ_NOW = { now: NOW, staleAfterDays: 14 };
const READ_BEFORE_EVENT = { now: BEFORE_EVENT, staleAfterDays: 14 };

function sectionTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === "section" && block.text !== undefined ? [block.text.text] : [],
  );
}

function shareValue(blocks: readonly Block[]) {
  const share = blocks
    .flatMap((block) => (block.type === "actions" ? block.elements : []))
    .find((element) => element.type === "button" && element.action_id === ACTION_IDS.share);
  return share?.type === "button" ? decodeShare(share.value) : null;
}

describe("status card", () => {
  const kb = makeKnowledgeBase();
  const message = buildStatusMessage(kb, READ_NOW, { shareable: true });

  it("matches the expected structure", () => {
    expect(message).toMatchSnapshot();
  });

  it("shows the summary, each side's position and the latest developments", () => {
    const texts = sectionTexts(message.blocks);
    expect(texts).toContain(kb.status.summary);
    expect(texts).toContain(`*Ukraine:* ${kb.status.positions.ukraine}`);
    expect(texts).toContain(`*Russia:* ${kb.status.positions.russia}`);
    expect(texts).toContain(
      `*${BLOCK_TEXT.latest}*\n• Strikes hit four cities.\n• Prisoner exchange agreed.`,
    );
  });

  it("says the next event in one phrase: what, when, and as of when it was scheduled", () => {
    const before = buildStatusMessage(kb, READ_BEFORE_EVENT);
    expect(sectionTexts(before.blocks)).toContain(
      "*Next scheduled:* Third round in Istanbul on 23 Jul 2025, as of 22 Jul 2025",
    );
  });

  it("says plainly, in the same phrase, when the next scheduled event is already in the past", () => {
    const line = sectionTexts(message.blocks).find((text) => text.startsWith("*Next scheduled:*"));
    expect(line).toBe(
      "*Next scheduled:* Third round in Istanbul on 23 Jul 2025, a date that has passed; the data has nothing scheduled after it",
    );
    expect(line).not.toMatch(/\).*\(/);
  });

  it("says when nothing is scheduled", () => {
    const none = buildStatusMessage(makeKnowledgeBase({ status: { nextEvent: null } }), READ_NOW);
    expect(sectionTexts(none.blocks)).toContain(`*Next scheduled:* ${BLOCK_TEXT.nothingScheduled}`);
  });

  it("opens with how old the information is once it is older than STALE_AFTER_DAYS", () => {
    const stale = AGE_TEXT.staleNothingNewer("22 Jul 2025", "16 months");
    expect(message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: `⚠️ *${stale}*` } });
    expect(message.blocks[1]).toMatchObject({ type: "header", text: { text: BLOCK_TEXT.statusTitle } });
    expect(message.text.split("\n")[0]).toBe(stale);
    expect(allText(message.blocks)).not.toContain("As of");
  });

  it("follows STALE_AFTER_DAYS: a week-old card is stale at 6 days, not at 14", () => {
    const weekLater = new Date("2025-07-29T12:00:00Z");
    const strict = buildStatusMessage(kb, { now: weekLater, staleAfterDays: 6 });
    expect(strict.blocks[0]).toMatchObject({ type: "section" });
    expect(allText(strict.blocks)).toContain(AGE_TEXT.staleNothingNewer("22 Jul 2025", "7 days"));
    const relaxed = buildStatusMessage(kb, { now: weekLater, staleAfterDays: 14 });
    expect(relaxed.blocks[0]).toMatchObject({ type: "header" });
    expect(allText(relaxed.blocks)).toContain("As of 22 Jul 2025 — 7 days ago");
  });

  it("says when newer documents exist than the card's date", () => {
    const newer = makeKnowledgeBase();
    const documents = new Map(newer.documents);
    const later = { ...(documents.get("doc-a") as SourceDocument), id: "doc-c", date: "2025-09-01" };
    documents.set("doc-c", later);
    const card = buildStatusMessage({ ...newer, documents }, READ_NOW);
    expect(allText(card.blocks)).toContain(
      AGE_TEXT.staleNewerExists("22 Jul 2025", "16 months", "1 Sep 2025"),
    );
  });

  it("names the article behind the card and the outlets it cites, and its age while fresh", () => {
    const fresh = buildStatusMessage(kb, READ_BEFORE_EVENT);
    expect(allText(fresh.blocks)).toContain("As of 22 Jul 2025 — today");
    expect(allText(message.blocks)).toContain(
      "Source: “Talks resume in Istanbul” (22 Jul 2025), citing AP News",
    );
    expect(message.text).toContain(kb.status.summary);
  });

  it("can be shared, and says who shared it once shared", () => {
    expect(shareValue(message.blocks)).toEqual({ kind: "status" });
    const shared = buildStatusMessage(kb, READ_NOW, { sharedBy: "U9" });
    expect(allText(shared.blocks)).toContain("Shared by <@U9>");
    expect(shareValue(shared.blocks)).toBeNull();
  });

  it("escapes curated text too", () => {
    const odd = buildStatusMessage(
      makeKnowledgeBase({ status: { summary: "Talks <!here> & more" } }),
      READ_NOW,
    );
    expect(allText(odd.blocks)).toContain("Talks &lt;!here&gt; &amp; more");
  });
});

describe("timeline", () => {
  it("lists dated events, marks those still ahead, and cites sources", () => {
    const message = buildTimelineMessage(makeKnowledgeBase(), BEFORE_EVENT, { shareable: true });
    const text = sectionTexts(message.blocks).join("\n");
    expect(text).toContain("• *Nov 2022* — Ten-point plan");
    expect(text).toContain(`• *23 Jul 2025* — Third round in Istanbul _(${BLOCK_TEXT.upcoming})_`);
    expect(allText(message.blocks)).toContain(
      "; <https://example.org/sanctions?a=1&amp;b=2|“Sanctions &lt;b&gt;update&lt;/b&gt;”> (1 Jun 2025), citing POLITICO",
    );
    expect(allText(message.blocks)).toContain("Sources: “Talks resume in Istanbul”");
    expect(shareValue(message.blocks)).toEqual({ kind: "timeline" });
    expect(message.text).toContain("Nov 2022 — Ten-point plan");
  });

  it("stays within limits with hundreds of events", () => {
    const events = Array.from({ length: 400 }, (_, i) => ({
      date: "2025-01-01",
      label: `Event ${i} ${"x".repeat(200)}`,
      sources: [{ document: "doc-a", outlets: ["AP News"] }],
      evidence: "e",
    }));
    const message = buildTimelineMessage(makeKnowledgeBase({ timeline: events }), NOW, { shareable: true });
    expect(limitViolations(message.blocks)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(shareValue(message.blocks)).toEqual({ kind: "timeline" });
  });
});

describe("sources", () => {
  it("lists the documents by title, each with its date, link and the outlets it cites", () => {
    const message = buildSourcesMessage(makeKnowledgeBase(), { shareable: true });
    const texts = sectionTexts(message.blocks);
    expect(texts).toContain("*Talks resume in Istanbul*\n22 Jul 2025 · cites AP News, Newsmax, Al Jazeera");
    expect(texts).toContain(
      "*<https://example.org/sanctions?a=1&amp;b=2|Sanctions &lt;b&gt;update&lt;/b&gt;>*\n1 Jun 2025 · cites POLITICO",
    );
    expect(allText(message.blocks)).toContain(BLOCK_TEXT.sourcesFooter(2));
    expect(shareValue(message.blocks)).toEqual({ kind: "sources" });
  });
});

describe("help", () => {
  it("lists every command", () => {
    const message = buildHelpMessage();
    for (const line of HELP_LINES)
      expect(allText(message.blocks)).toContain(JSON.stringify(line).slice(1, -1));
    expect(message.text).toContain(HELP_LINES[0]);
  });

  it("opens with what was not recognised, escaped", () => {
    const message = buildHelpMessage("<@U1>");
    expect(sectionTexts(message.blocks)[0]).toBe(unrecognisedCommand("&lt;@U1&gt;"));
  });
});

describe("App Home", () => {
  const kb = makeKnowledgeBase();

  it("shows the status card and how to use the bot, without a digest section until one exists", () => {
    const view = buildHomeView(kb, READ_NOW);
    expect(view.type).toBe("home");
    expect(allText(view.blocks)).toContain(kb.status.summary);
    expect(allText(view.blocks)).toContain(BLOCK_TEXT.helpTitle);
    expect(allText(view.blocks)).not.toContain(BLOCK_TEXT.digestTitle);
    expect(limitViolations(view.blocks, LIMITS.homeBlocks)).toEqual([]);
  });

  it("shows the digest settings it is given", () => {
    const none = buildHomeView(kb, READ_NOW, { subscriptions: [] });
    expect(allText(none.blocks)).toContain(BLOCK_TEXT.digestNone);
    const some = buildHomeView(kb, READ_NOW, {
      subscriptions: [
        {
          channelId: "C1",
          time: "09:00",
          timeZone: "Europe/Kyiv",
          cadence: "changes",
          enabled: true,
          disabledReason: null,
        },
        {
          channelId: "C2",
          time: "18:30",
          timeZone: "UTC",
          cadence: "daily",
          enabled: false,
          disabledReason: "not_in_channel",
        },
      ],
    });
    const text = sectionTexts(some.blocks).at(-1);
    expect(text).toBe(
      `*${BLOCK_TEXT.digestTitle}*\n• <#C1> at 09:00 Europe/Kyiv, changes only\n• <#C2> at 18:30 UTC, every day — ${BLOCK_TEXT.digestPaused(DISABLED_REASONS.not_in_channel as string)}`,
    );
    expect(text).not.toContain("not_in_channel");
  });

  it("says a paused subscription's reason in words even when Slack's code has none of its own", () => {
    const odd = buildHomeView(makeKnowledgeBase(), READ_NOW, {
      subscriptions: [
        {
          channelId: "C3",
          time: "09:00",
          timeZone: "UTC",
          cadence: "changes",
          enabled: false,
          disabledReason: "team_access_not_granted",
        },
      ],
    });
    const text = sectionTexts(odd.blocks).at(-1) ?? "";
    expect(text).toContain(UNKNOWN_DISABLED_REASON);
    expect(text).not.toContain("team_access_not_granted");
  });
});
