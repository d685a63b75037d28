import { formatDate } from "../answers/age.js";
import { type KnowledgeBase, sourcesFor } from "../knowledge/load.js";
import { BLOCK_TEXT } from "./messages.js";
import { type CardOptions, shareBlocks, sharedByBlocks } from "./share.js";
import { sourcesMrkdwn, sourcesPlain } from "./sources-line.js";
import { context, escapeMrkdwn, fallbackText, fitBlocks, header, LIMITS, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

/** Lines packed into as few sections as fit, each within the section text limit. */
export function packLines(lines: readonly string[], max = LIMITS.sectionText): string[] {
  const sections: string[] = [];
  let current = "";
  for (const line of lines) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length <= max) {
      current = next;
      continue;
    }
    if (current !== "") sections.push(current);
    current = line;
  }
  if (current !== "") sections.push(current);
  return sections;
}

export function buildTimelineMessage(kb: KnowledgeBase, now: Date, options: CardOptions = {}): SlackMessage {
  const today = now.toISOString().slice(0, 10);
  const lines = kb.timeline.map((event) => {
    const upcoming = event.date > today ? ` _(${BLOCK_TEXT.upcoming})_` : "";
    return `• *${formatDate(event.date)}* — ${escapeMrkdwn(event.label)}${upcoming}`;
  });
  const sources = sourcesFor(
    kb,
    kb.timeline.flatMap((event) => event.sources),
  );
  const share = shareBlocks(options, { kind: "timeline" });
  const body: Block[] = [
    ...sharedByBlocks(options),
    header(BLOCK_TEXT.timelineTitle),
    ...packLines(lines).map(section),
    context(sourcesMrkdwn(sources)),
  ];
  const text = fallbackText(
    BLOCK_TEXT.timelineTitle,
    ...kb.timeline.map((event) => `${formatDate(event.date)} — ${escapeMrkdwn(event.label)}`),
    sourcesPlain(sources),
  );
  return { text, blocks: fitBlocks([...body, ...share], LIMITS.messageBlocks, BLOCK_TEXT.omitted) };
}
