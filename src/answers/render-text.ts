import type { AnswerSource } from "../knowledge/load.js";
import { ageLine, formatDate } from "./age.js";
import { EVIDENCE_LABEL, SOURCES_LABEL, SUGGESTIONS_INTRO } from "./messages.js";
import type { Answer } from "./types.js";

/** "AP News, Newsmax (22 Jul 2025)"; outlets of different dates are grouped by date, oldest first. */
export function formatSources(sources: readonly AnswerSource[]): string {
  const byDate = new Map<string, string[]>();
  for (const source of sources) {
    const outlets = byDate.get(source.date) ?? [];
    if (!outlets.includes(source.outlet)) outlets.push(source.outlet);
    byDate.set(source.date, outlets);
  }
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, outlets]) => `${outlets.join(", ")} (${formatDate(date)})`)
    .join("; ");
}

/**
 * An answer as plain text for a terminal: the answer, its sources, its age and the quote behind it; or the
 * decline with "did you mean" suggestions.
 */
export function renderAnswerText(answer: Answer, now: Date): string {
  if (!answer.answered) {
    if (answer.suggestions.length === 0) return answer.text;
    const lines = answer.suggestions.map((suggestion) => `  • ${suggestion.question}`);
    return [answer.text, SUGGESTIONS_INTRO, ...lines].join("\n");
  }
  const lines = [answer.text, ""];
  if (answer.sources.length > 0) lines.push(`${SOURCES_LABEL} ${formatSources(answer.sources)}`);
  if (answer.asOf !== null) lines.push(ageLine(answer.asOf, now));
  if (answer.evidence !== null) lines.push(`${EVIDENCE_LABEL} “${answer.evidence}”`);
  return lines.join("\n");
}
