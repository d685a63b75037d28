import { describeAge, formatDate } from "../answers/age.js";
import { type KnowledgeBase, sourcesFor } from "../knowledge/load.js";
import { BLOCK_TEXT } from "./messages.js";
import { type CardOptions, shareBlocks, sharedByBlocks } from "./share.js";
import { sourcesMrkdwn, sourcesPlain } from "./sources-line.js";
import { context, escapeMrkdwn, fallbackText, header, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The next event line; a date already gone by is said plainly rather than shown as upcoming. */
function nextEventLine(kb: KnowledgeBase, now: Date): string {
  const next = kb.status.nextEvent;
  if (next === null) return `*${BLOCK_TEXT.nextScheduled}:* ${BLOCK_TEXT.nothingScheduled}`;
  const passed = next.date < isoDay(now) ? ` _(${BLOCK_TEXT.nextEventPassed})_` : "";
  return `*${BLOCK_TEXT.nextScheduled}:* ${formatDate(next.date)} — ${escapeMrkdwn(next.label)}${passed}`;
}

function ageText(asOf: string, now: Date): string {
  const age = describeAge(asOf, now);
  return `As of ${age.asOfLabel} — ${age.ago}`;
}

/** The status card's blocks, shared by the `/talks status` reply and the App Home. */
export function statusBlocks(kb: KnowledgeBase, now: Date): Block[] {
  const status = kb.status;
  const sources = sourcesFor(kb, status.sources);
  return [
    header(BLOCK_TEXT.statusTitle),
    section(escapeMrkdwn(status.summary)),
    section(`*${BLOCK_TEXT.ukraine}:* ${escapeMrkdwn(status.positions.ukraine)}`),
    section(`*${BLOCK_TEXT.russia}:* ${escapeMrkdwn(status.positions.russia)}`),
    section(nextEventLine(kb, now)),
    section(`*${BLOCK_TEXT.latest}*\n${status.latest.map((item) => `• ${escapeMrkdwn(item)}`).join("\n")}`),
    context(`${BLOCK_TEXT.sourcesLabel}: ${sourcesMrkdwn(sources)}`, ageText(status.asOf, now)),
  ];
}

export function buildStatusMessage(kb: KnowledgeBase, now: Date, options: CardOptions = {}): SlackMessage {
  const status = kb.status;
  const text = fallbackText(
    `${BLOCK_TEXT.statusTitle}: ${escapeMrkdwn(status.summary)}`,
    `${BLOCK_TEXT.sourcesLabel}: ${sourcesPlain(sourcesFor(kb, status.sources))}`,
    ageText(status.asOf, now),
  );
  return {
    text,
    blocks: [
      ...sharedByBlocks(options),
      ...statusBlocks(kb, now),
      ...shareBlocks(options, { kind: "status" }),
    ],
  };
}
