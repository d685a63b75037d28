import { BLOCK_TEXT } from "./messages.js";
import { escapeMrkdwn, fallbackText, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

/** A one-paragraph message (how-to, fallback after an error, "not available"). `mrkdwn` must be safe. */
export function buildNoticeMessage(mrkdwn: string): SlackMessage {
  return { text: fallbackText(mrkdwn), blocks: [section(mrkdwn)] };
}

/**
 * Warnings a message opens with (its information is old, its event has passed), in bold so they are
 * read before anything else. None when there is nothing to warn about.
 */
export function noticeBlocks(lines: readonly string[]): Block[] {
  if (lines.length === 0) return [];
  return [section(lines.map((line) => `${BLOCK_TEXT.noticeIcon} *${escapeMrkdwn(line)}*`).join("\n"))];
}
