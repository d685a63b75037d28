import { ESCALATION_TEXT } from "./messages.js";
import { context, escapeUserText, fallbackText, LIMITS, section, truncate } from "./text.js";
import type { SlackMessage } from "./types.js";

export interface Escalation {
  question: string;
  /** Who clicked "Ask a person". */
  userId: string;
  /** Where the question was asked; null when Slack did not say. */
  channelId: string | null;
}

/**
 * The post in ESCALATION_CHANNEL: who asked, where, and the question as they typed it (escaped: it
 * cannot ping or format), for a person to answer.
 */
export function buildEscalationMessage(escalation: Escalation): SlackMessage {
  // Channel and user ids come from Slack's payload, never from user text, so their links are safe.
  const safeId = (id: string | null) => (id !== null && /^[A-Z0-9]+$/.test(id) ? id : null);
  const askedIn = ESCALATION_TEXT.askedIn(safeId(escalation.userId), safeId(escalation.channelId));
  const question = escapeUserText(truncate(escalation.question, LIMITS.sectionText - 200));
  return {
    text: fallbackText(`${ESCALATION_TEXT.title}: ${askedIn}`, question),
    blocks: [
      section(`*${ESCALATION_TEXT.title}*\n${askedIn}`),
      section(`> ${question.replace(/\n/g, "\n> ")}`),
      context(ESCALATION_TEXT.footer),
    ],
  };
}
