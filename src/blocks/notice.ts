import { fallbackText, section } from "./text.js";
import type { SlackMessage } from "./types.js";

/** A one-paragraph message (how-to, fallback after an error, "not available"). `mrkdwn` must be safe. */
export function buildNoticeMessage(mrkdwn: string): SlackMessage {
  return { text: fallbackText(mrkdwn), blocks: [section(mrkdwn)] };
}
