import { ENGLISH_ONLY_TEXT } from "../answers/messages.js";
import type { Answer, AnswerEngine, AnsweredQuestion, Suggestion } from "../answers/types.js";
import type { ConversationTurn } from "./context.js";
import { resolveFollowUp } from "./follow-up.js";
import { SMALL_TALK_TEXT } from "./messages.js";
import { type SmallTalkKind, smallTalkKind } from "./small-talk.js";

/**
 * What the bot made of a message in a conversation:
 * - small talk, answered with a friendly line and example questions (never logged as a question);
 * - a message not in English, answered with a note that the bot reads English (never logged either);
 * - a question, answered or declined by the engine, alone or read with the previous question.
 */
export type Conversed =
  | { kind: "small-talk"; smallTalk: SmallTalkKind; answer: Answer }
  | { kind: "not-english"; asked: AnsweredQuestion }
  | { kind: "question"; asked: AnsweredQuestion; followUp: boolean };

/** The example questions the data offers (status.yml `examples`, else its first three entries). */
export function exampleQuestions(engine: AnswerEngine): Suggestion[] {
  const { kb } = engine;
  const ids = kb.status.examples ?? kb.entries.slice(0, 3).map((entry) => entry.id);
  return ids.flatMap((id) => {
    const entry = kb.entryById.get(id);
    return entry === undefined ? [] : [{ id: entry.id, question: entry.question }];
  });
}

/**
 * Small talk as an Answer: not from the data (`answered: false`), with its own text and the example
 * questions, or the entries the matcher came closest to when it read the message by meaning.
 */
export function smallTalkAnswer(
  kind: SmallTalkKind,
  engine: AnswerEngine,
  closest: readonly Suggestion[] = [],
): Answer {
  return {
    answered: false,
    text: SMALL_TALK_TEXT[kind],
    sources: [],
    confidence: 0,
    id: null,
    asOf: null,
    evidence: null,
    suggestions: closest.length > 0 ? [...closest] : exampleQuestions(engine),
  };
}

/** Small talk the engine read by meaning in a message it declined ("thanks for helping"), or null. */
export function smallTalkOf(
  asked: AnsweredQuestion,
  engine: AnswerEngine,
): Extract<Conversed, { kind: "small-talk" }> | null {
  if (asked.answer.answered || asked.smallTalk === undefined) return null;
  return {
    kind: "small-talk",
    smallTalk: asked.smallTalk,
    answer: smallTalkAnswer(asked.smallTalk, engine, asked.answer.suggestions),
  };
}

/** The engine's note that it reads English only (the engine decides the language before matching). */
export function isNotEnglish(answer: Answer): boolean {
  return !answer.answered && answer.text === ENGLISH_ONLY_TEXT;
}

/**
 * Answers one message: small talk first, by its phrases (unless `readSmallTalk` is false: a message the
 * bot was asked about, not one sent to it), then the engine; a question the engine does not answer alone
 * is read with the conversation's previous question (`previous`, when there is one within the window);
 * a decline that reads as small talk by meaning is answered as small talk.
 */
export async function converse(
  engine: AnswerEngine,
  text: string,
  previous: ConversationTurn | null = null,
  readSmallTalk = true,
): Promise<Conversed> {
  const smallTalk = readSmallTalk ? smallTalkKind(text) : null;
  if (smallTalk !== null)
    return { kind: "small-talk", smallTalk, answer: smallTalkAnswer(smallTalk, engine) };
  const asked = await engine.ask(text);
  if (isNotEnglish(asked.answer)) return { kind: "not-english", asked };
  if (asked.answer.answered) return { kind: "question", asked, followUp: false };
  const resolved = previous === null ? null : await resolveFollowUp(engine, text, previous);
  if (resolved !== null) return { kind: "question", asked: resolved, followUp: true };
  return (readSmallTalk ? smallTalkOf(asked, engine) : null) ?? { kind: "question", asked, followUp: false };
}

/** What the conversation remembers after an answer: the question it answered, or nothing new. */
export function turnAfter(
  conversed: Conversed,
  text: string,
  engine: AnswerEngine,
  at: Date,
): ConversationTurn | null {
  if (conversed.kind !== "question") return null;
  const { answer } = conversed.asked;
  if (!answer.answered || answer.id === null) return null;
  // A follow-up is remembered as the question it turned out to ask, so the next one reads well with it.
  const question = conversed.followUp ? (engine.kb.entryById.get(answer.id)?.question ?? text) : text;
  return { question, entryId: answer.id, at };
}
