import type { SmallTalkKind } from "../conversation/small-talk.js";
import type { AnswerSource, KnowledgeBase } from "../knowledge/load.js";

export interface Suggestion {
  id: string;
  question: string;
}

/**
 * What the bot says to one question, as plain data. Its JSON form is the `ask --json` contract:
 * keep these fields and their meaning stable.
 */
export interface Answer {
  answered: boolean;
  /** Plain text, no Slack markup: the entry's answer, or the decline message. */
  text: string;
  sources: readonly AnswerSource[];
  /** 0..1: how sure the matcher is that the entry answers the question. */
  confidence: number;
  id: string | null;
  asOf: string | null;
  /** The verbatim quote from the source document that backs the answer. */
  evidence: string | null;
  suggestions: Suggestion[];
}

/** The question as the matcher saw it; kept apart from Answer so the JSON contract stays exact. */
export interface AnsweredQuestion {
  /** The answer (the main one when the message asked two things). */
  answer: Answer;
  /** The answer to the other thing a message asked, when it asked two (also among `answer.suggestions`). */
  more: Answer[];
  /** Normalised form of the question (for the question log: no raw text, no user ids). */
  normalisedQuestion: string;
  /**
   * Set only on a decline: the kind of small talk the message reads as by meaning ("thanks for helping"),
   * which the conversation answers as small talk rather than as an unanswered question.
   */
  smallTalk?: SmallTalkKind;
}

export interface AnswerEngine {
  readonly kb: KnowledgeBase;
  /** Whether questions are matched by meaning as well as by words (false when the model did not load). */
  readonly meaning: boolean;
  ask(question: string): Promise<AnsweredQuestion>;
  /** Many questions at once (the meaning model embeds them in batches), answers in order. */
  askMany(questions: readonly string[]): Promise<AnsweredQuestion[]>;
  /** The answer of one entry by id (a clicked suggestion, a shared answer); null for an unknown id. */
  answerEntry(id: string): Answer | null;
}
