import { z } from "zod";
import { LIMITS, truncate } from "./text.js";

/** Action ids the listeners register for; the builders and listeners share them from here. */
export const ACTION_IDS = {
  share: "talks_share",
  feedbackHelpful: "talks_feedback_helpful",
  feedbackUnhelpful: "talks_feedback_unhelpful",
  /** Suffixed with the suggestion's position: action ids must be unique within a block. */
  suggestionPrefix: "talks_suggestion_",
  /** "Ask a person": posts a declined question to ESCALATION_CHANNEL. */
  escalate: "talks_escalate",
} as const;

export const SUGGESTION_ACTION_PATTERN = new RegExp(`^${ACTION_IDS.suggestionPrefix}\\d+$`);
export const FEEDBACK_ACTION_PATTERN = new RegExp(
  `^(${ACTION_IDS.feedbackHelpful}|${ACTION_IDS.feedbackUnhelpful})$`,
);

/** What a Share in channel click re-posts: rebuilt from the data, never trusted from the client. */
export type ShareTarget =
  | { kind: "answer"; entryId: string; question: string | null; normalisedQuestion: string }
  | { kind: "status" }
  | { kind: "timeline" }
  | { kind: "sources" };

/** A suggested question: the entry it answers, and the question that led to the suggestion. */
export interface SuggestionValue {
  entryId: string;
  normalisedQuestion: string;
}

/** What "Ask a person" passes on: the question as the person typed it (shortened to fit a button). */
export interface EscalationValue {
  question: string;
}

export interface FeedbackValue {
  entryId: string | null;
  helpful: boolean;
  normalisedQuestion: string;
}

const shareSchema = z.union([
  z.object({
    kind: z.literal("answer"),
    entryId: z.string().min(1),
    question: z.string().nullable(),
    normalisedQuestion: z.string(),
  }),
  z.object({ kind: z.enum(["status", "timeline", "sources"]) }),
]);

const suggestionSchema = z.object({ entryId: z.string().min(1), normalisedQuestion: z.string() });

const escalationSchema = z.object({ question: z.string().min(1) });

const feedbackSchema = z.object({
  entryId: z.string().nullable(),
  helpful: z.boolean(),
  normalisedQuestion: z.string(),
});

/** Room left in a button value for free text once the JSON around it is counted. */
const VALUE_TEXT_ROOM = 1_000;

/**
 * JSON with `<`, `>` and `&` as \u escapes: JSON.parse restores them, and the posted payload never
 * holds a raw `<!channel>` even inside a button value.
 */
function toValue(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function encodeShare(target: ShareTarget): string {
  if (target.kind !== "answer") return toValue(target);
  const question = target.question === null ? null : truncate(target.question, LIMITS.echoedQuestion);
  return toValue({
    ...target,
    question,
    normalisedQuestion: truncate(target.normalisedQuestion, VALUE_TEXT_ROOM / 2),
  });
}

export function decodeShare(value: string | undefined): ShareTarget | null {
  return decode(value, shareSchema);
}

export function encodeSuggestion(suggestion: SuggestionValue): string {
  return toValue({
    ...suggestion,
    normalisedQuestion: truncate(suggestion.normalisedQuestion, VALUE_TEXT_ROOM),
  });
}

export function decodeSuggestion(value: string | undefined): SuggestionValue | null {
  return decode(value, suggestionSchema);
}

export function encodeEscalation(escalation: EscalationValue): string {
  return toValue({ question: truncate(escalation.question, VALUE_TEXT_ROOM) });
}

export function decodeEscalation(value: string | undefined): EscalationValue | null {
  return decode(value, escalationSchema);
}

export function encodeFeedback(feedback: FeedbackValue): string {
  return toValue({ ...feedback, normalisedQuestion: truncate(feedback.normalisedQuestion, VALUE_TEXT_ROOM) });
}

export function decodeFeedback(value: string | undefined): FeedbackValue | null {
  return decode(value, feedbackSchema);
}

function decode<T>(value: string | undefined, schema: z.ZodType<T>): T | null {
  if (value === undefined) return null;
  try {
    const result = schema.safeParse(JSON.parse(value));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
