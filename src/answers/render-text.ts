import { EVIDENCE_LABEL, SUGGESTIONS_INTRO } from "./messages.js";
import { formatSources } from "./sources.js";
import type { Answer } from "./types.js";

/**
 * An answer as plain text for a terminal: the lines it opens with (its age once stale, an event gone
 * by; see answerNotices), the answer, the document and outlets it comes from, and the quote behind it;
 * or the decline with "did you mean" suggestions.
 */
export function renderAnswerText(answer: Answer, notices: readonly string[]): string {
  if (!answer.answered) {
    if (answer.suggestions.length === 0) return answer.text;
    const lines = answer.suggestions.map((suggestion) => `  • ${suggestion.question}`);
    // Small talk and the English-only note introduce their examples themselves ("…for example:").
    const intro = answer.text.endsWith(":") ? [] : [SUGGESTIONS_INTRO];
    return [answer.text, ...intro, ...lines].join("\n");
  }
  const lines = [...notices, answer.text, ""];
  if (answer.sources.length > 0) lines.push(formatSources(answer.sources));
  if (answer.evidence !== null) lines.push(`${EVIDENCE_LABEL} “${answer.evidence}”`);
  return lines.join("\n");
}
