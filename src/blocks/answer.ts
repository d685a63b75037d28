import type { Answer, Suggestion } from "../answers/types.js";
import { ACTION_IDS, encodeEscalation, encodeFeedback, encodeShare, encodeSuggestion } from "./actions.js";
import { BLOCK_TEXT } from "./messages.js";
import { noticeBlocks } from "./notice.js";
import { sourcesMrkdwn, sourcesPlain } from "./sources-line.js";
import {
  actions,
  button,
  context,
  divider,
  echoQuestion,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  LIMITS,
  section,
  truncate,
} from "./text.js";
import type { Block, Button, SlackMessage } from "./types.js";

export const MAX_SUGGESTIONS = 3;

export interface AnswerMessageOptions {
  /**
   * Lines the answer opens with: how old it is, that its event has passed (answerNotices, which needs
   * the clock and the data). Empty for fresh information.
   */
  notices: readonly string[];
  /** The user's own words, echoed (shortened and escaped) where the question is not already visible. */
  question?: string;
  /** What the echoed words are called: "You asked" unless said otherwise. */
  questionLabel?: string;
  /** Carried in the feedback buttons so a vote can be recorded without any user text. */
  normalisedQuestion: string;
  /** Ephemeral slash-command replies offer Share in channel. */
  shareable?: boolean;
  /** Set when someone shared the answer: the message says who. */
  sharedBy?: string;
  /** The answer to the other thing the message asked, when it asked two (each with its sources). */
  also?: readonly Answer[];
  /**
   * The question as asked, for "Ask a person" on a decline: set where ESCALATION_CHANNEL is, so a person
   * can be asked. Without it a decline has no such button.
   */
  escalate?: string;
}

/** Distinct words of a text, apostrophes dropped so "Ukraine’s" and "Ukraine's" agree. */
function wordsOf(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/['\u2018\u2019]/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== ""),
  );
}

/** Share of the quote's words the answer already uses, above which the quote would only repeat it. */
const REPEATS_ANSWER = 0.8;

/**
 * Verdicts already reached, by evidence then answer text: both are curated strings, so the same few
 * pairs come back on every answer. Bounded in case hot reloads keep bringing new ones.
 */
const evidenceVerdicts = new Map<string, Map<string, boolean>>();
const MAX_EVIDENCE_VERDICTS = 5_000;

/** The evidence helps when it says something the answer does not already say in the same words. */
export function evidenceHelps(answer: Answer): answer is Answer & { evidence: string } {
  if (answer.evidence === null) return false;
  const known = evidenceVerdicts.get(answer.evidence)?.get(answer.text);
  if (known !== undefined) return known;
  const evidence = wordsOf(answer.evidence);
  const said = wordsOf(answer.text);
  const shared = [...evidence].filter((word) => said.has(word)).length;
  const helps = evidence.size > 0 && shared / evidence.size < REPEATS_ANSWER;
  if (evidenceVerdicts.size >= MAX_EVIDENCE_VERDICTS) evidenceVerdicts.clear();
  const byText = evidenceVerdicts.get(answer.evidence) ?? new Map<string, boolean>();
  byText.set(answer.text, helps);
  evidenceVerdicts.set(answer.evidence, byText);
  return helps;
}

function quote(text: string): string {
  const body = escapeMrkdwn(truncate(text, LIMITS.sectionText - 100));
  return body
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

function feedbackButtons(answer: Answer, normalisedQuestion: string): Button[] {
  return [
    button(
      ACTION_IDS.feedbackHelpful,
      BLOCK_TEXT.helpfulYes,
      encodeFeedback({ entryId: answer.id, helpful: true, normalisedQuestion }),
    ),
    button(
      ACTION_IDS.feedbackUnhelpful,
      BLOCK_TEXT.helpfulNo,
      encodeFeedback({ entryId: answer.id, helpful: false, normalisedQuestion }),
    ),
  ];
}

function leadingContext(options: AnswerMessageOptions): Block[] {
  const parts: string[] = [];
  if (options.sharedBy !== undefined) parts.push(BLOCK_TEXT.sharedBy(options.sharedBy));
  if (options.question !== undefined && options.question.trim() !== "") {
    parts.push(`${options.questionLabel ?? BLOCK_TEXT.youAsked}: _${echoQuestion(options.question)}_`);
  }
  return parts.length === 0 ? [] : [context(parts.join(" · "))];
}

/**
 * The reply to a question: the answer with its sources and age, asking "Was this helpful?"; or — when
 * the bot is not sure — the decline with up to three suggested questions that answer on click (there is
 * nothing to rate in a decline).
 */
export function buildAnswerMessage(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  return answer.answered && answer.id !== null
    ? buildAnswered(answer, answer.id, options)
    : buildDecline(answer, options);
}

function buildAnswered(answer: Answer, entryId: string, options: AnswerMessageOptions): SlackMessage {
  const blocks: Block[] = [
    ...leadingContext(options),
    ...noticeBlocks(options.notices),
    section(escapeMrkdwn(answer.text)),
  ];
  if (evidenceHelps(answer)) blocks.push(section(quote(answer.evidence)));

  const sourceCount = answer.sources.length;
  if (sourceCount > 0) blocks.push(context(sourcesMrkdwn(answer.sources)));
  const also = (options.also ?? []).filter((other) => other.answered);
  for (const other of also) {
    blocks.push(divider(), section(escapeMrkdwn(other.text)));
    if (other.sources.length > 0) blocks.push(context(sourcesMrkdwn(other.sources)));
  }

  const buttons = feedbackButtons(answer, options.normalisedQuestion);
  if (options.shareable === true) {
    const share = encodeShare({
      kind: "answer",
      entryId,
      // The public copy echoes the words as "You asked"; words echoed under another label (a message
      // the shortcut was used on) were not asked by the person sharing, so the copy leaves them out.
      question: options.questionLabel === undefined ? (options.question ?? null) : null,
      normalisedQuestion: options.normalisedQuestion,
    });
    buttons.push(button(ACTION_IDS.share, BLOCK_TEXT.share, share));
  }
  blocks.push(context(BLOCK_TEXT.helpfulPrompt), actions("talks_answer_actions", buttons));

  const text = fallbackText(
    ...options.notices.map(escapeMrkdwn),
    escapeMrkdwn(answer.text),
    sourceCount > 0 ? sourcesPlain(answer.sources) : "",
    ...also.flatMap((other) => [
      escapeMrkdwn(other.text),
      other.sources.length > 0 ? sourcesPlain(other.sources) : "",
    ]),
  );
  return { text, blocks: fitBlocks(blocks, LIMITS.messageBlocks, BLOCK_TEXT.omitted) };
}

/** Suggested questions as buttons that answer on click; the block id says which list it is. */
export function suggestionButtons(
  blockId: string,
  suggestions: readonly Suggestion[],
  normalisedQuestion: string,
): Block {
  return actions(
    blockId,
    suggestions
      .slice(0, MAX_SUGGESTIONS)
      .map((suggestion, index) =>
        button(
          `${ACTION_IDS.suggestionPrefix}${index}`,
          suggestion.question,
          encodeSuggestion({ entryId: suggestion.id, normalisedQuestion }),
        ),
      ),
  );
}

function buildDecline(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  const suggestions = answer.suggestions.slice(0, MAX_SUGGESTIONS);
  const blocks: Block[] = [...leadingContext(options), section(escapeMrkdwn(answer.text))];
  if (suggestions.length > 0) {
    blocks.push(
      section(BLOCK_TEXT.suggestionsIntro),
      suggestionButtons("talks_suggestions", suggestions, options.normalisedQuestion),
    );
  }
  if (options.escalate !== undefined && options.escalate.trim() !== "") {
    blocks.push(
      context(BLOCK_TEXT.escalatePrompt),
      actions("talks_escalation", [
        button(ACTION_IDS.escalate, BLOCK_TEXT.escalate, encodeEscalation({ question: options.escalate })),
      ]),
    );
  }
  const text = fallbackText(
    escapeMrkdwn(answer.text),
    suggestions.length > 0
      ? `${BLOCK_TEXT.suggestionsIntro} ${suggestions.map((s) => escapeMrkdwn(s.question)).join(" · ")}`
      : "",
  );
  return { text, blocks };
}
