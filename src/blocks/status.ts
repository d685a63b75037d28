import { type AgeContext, ageLine, formatDate, isoDay, staleLine } from "../answers/age.js";
import { newestDocumentDate } from "../answers/freshness.js";
import { type KnowledgeBase, sourcesFor } from "../knowledge/load.js";
import { BLOCK_TEXT } from "./messages.js";
import { noticeBlocks } from "./notice.js";
import { type CardOptions, shareBlocks, sharedByBlocks } from "./share.js";
import { sourcesMrkdwn, sourcesPlain } from "./sources-line.js";
import { context, escapeMrkdwn, fallbackText, header, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

/**
 * The next event line, one phrase: what, on which date, as of when it was scheduled; a date already
 * gone by is said plainly rather than shown as upcoming.
 */
function nextEventLine(kb: KnowledgeBase, now: Date): string {
  const next = kb.status.nextEvent;
  if (next === null) return `*${BLOCK_TEXT.nextScheduled}:* ${BLOCK_TEXT.nothingScheduled}`;
  const label = escapeMrkdwn(next.label);
  const date = formatDate(next.date);
  const line =
    next.date < isoDay(now)
      ? BLOCK_TEXT.nextEventPassed(label, date)
      : BLOCK_TEXT.nextEventAhead(label, date, formatDate(kb.status.asOf));
  return `*${BLOCK_TEXT.nextScheduled}:* ${line}`;
}

/** The card's age: a warning it opens with once stale, else a quiet line beside its sources. */
function cardAge(kb: KnowledgeBase, age: AgeContext): { stale: string | null; quiet: string | null } {
  const stale = staleLine(kb.status.asOf, newestDocumentDate(kb), age);
  return { stale, quiet: stale === null ? ageLine(kb.status.asOf, age.now) : null };
}

/** The status card's blocks, shared by the `/talks status` reply and the App Home. */
export function statusBlocks(kb: KnowledgeBase, age: AgeContext): Block[] {
  const status = kb.status;
  const sources = sourcesFor(kb, status.sources);
  const { stale, quiet } = cardAge(kb, age);
  const footer = [sourcesMrkdwn(sources)];
  if (quiet !== null) footer.push(quiet);
  return [
    ...noticeBlocks(stale === null ? [] : [stale]),
    header(BLOCK_TEXT.statusTitle),
    section(escapeMrkdwn(status.summary)),
    section(`*${BLOCK_TEXT.ukraine}:* ${escapeMrkdwn(status.positions.ukraine)}`),
    section(`*${BLOCK_TEXT.russia}:* ${escapeMrkdwn(status.positions.russia)}`),
    section(nextEventLine(kb, age.now)),
    section(`*${BLOCK_TEXT.latest}*\n${status.latest.map((item) => `• ${escapeMrkdwn(item)}`).join("\n")}`),
    context(...footer),
  ];
}

export function buildStatusMessage(
  kb: KnowledgeBase,
  age: AgeContext,
  options: CardOptions = {},
): SlackMessage {
  const status = kb.status;
  const { stale, quiet } = cardAge(kb, age);
  const text = fallbackText(
    stale ?? "",
    `${BLOCK_TEXT.statusTitle}: ${escapeMrkdwn(status.summary)}`,
    sourcesPlain(sourcesFor(kb, status.sources)),
    quiet ?? "",
  );
  return {
    text,
    blocks: [
      ...sharedByBlocks(options),
      ...statusBlocks(kb, age),
      ...shareBlocks(options, { kind: "status" }),
    ],
  };
}
