import type { Answer } from "../answers/types.js";
import { suggestionButtons } from "./answer.js";
import { escapeMrkdwn, fallbackText, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

/**
 * The reply to small talk ("hi", "thanks!", "what can you do?"): one friendly line and the data's example
 * questions as buttons that answer on click. Nothing to rate, nothing to share.
 */
export function buildSmallTalkMessage(answer: Answer, normalisedQuestion: string): SlackMessage {
  const blocks: Block[] = [section(escapeMrkdwn(answer.text))];
  if (answer.suggestions.length > 0) {
    blocks.push(suggestionButtons("talks_examples", answer.suggestions, normalisedQuestion));
  }
  const text = fallbackText(
    escapeMrkdwn(answer.text),
    answer.suggestions.map((suggestion) => `• ${escapeMrkdwn(suggestion.question)}`).join("\n"),
  );
  return { text, blocks };
}
