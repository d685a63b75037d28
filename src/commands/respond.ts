import type { AgeContext } from "../answers/age.js";
import { answerNotices } from "../answers/freshness.js";
import type { AnswerEngine, AnsweredQuestion } from "../answers/types.js";
import type { ShareTarget } from "../blocks/actions.js";
import { buildAnswerMessage } from "../blocks/answer.js";
import { buildHelpMessage } from "../blocks/help.js";
import { buildNoticeMessage } from "../blocks/notice.js";
import { buildSmallTalkMessage } from "../blocks/small-talk.js";
import { buildSourcesMessage } from "../blocks/sources.js";
import { buildStatusMessage } from "../blocks/status.js";
import { buildTimelineMessage } from "../blocks/timeline.js";
import type { SlackMessage } from "../blocks/types.js";
import type { ConversationTurn } from "../conversation/context.js";
import { converse, turnAfter } from "../conversation/converse.js";
import type { SmallTalkKind } from "../conversation/small-talk.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { QuestionLogRecord } from "../storage/types.js";
import type { TalksCommand } from "./types.js";

export interface ReplyContext {
  engine: AnswerEngine;
  now: Date;
  /** STALE_AFTER_DAYS: from this age on, answers and cards open with how old they are. */
  staleAfterDays: number;
  /** Ephemeral slash-command replies: offer Share in channel and echo the question. */
  ephemeral: boolean;
  /** The workspace asking (none in the local console): its digest counts its own questions. */
  teamId?: string | null;
  /** The conversation's last answered question, read with a follow-up; none for a slash command. */
  previous?: ConversationTurn | null;
  /** Offer "Ask a person" on a decline (ESCALATION_CHANNEL is set, and the reply is in Slack). */
  escalate?: boolean;
  /**
   * False when the text is not a message to the bot but one it was asked about (the message shortcut):
   * "thanks!" there is a message to read, not thanks to answer. True by default.
   */
  smallTalk?: boolean;
  /** What the echoed question is called; "You asked" by default. */
  questionLabel?: string;
}

export interface Reply {
  message: SlackMessage;
  /** Set when a question was asked, for the question log; never for small talk or a message not in English. */
  logRecord: QuestionLogRecord | null;
  /** What the conversation should remember now: the question just answered, if one was. */
  turn?: ConversationTurn | null;
  /** Set when the message was answered as small talk (for the log line). */
  smallTalk?: SmallTalkKind;
}

/** What the question log keeps of one question: no raw text, no user, only the workspace. */
export function questionLogRecord(
  asked: AnsweredQuestion,
  now: Date,
  teamId: string | null = null,
): QuestionLogRecord {
  const { answer } = asked;
  return {
    teamId,
    normalisedQuestion: asked.normalisedQuestion,
    entryId: answer.answered ? answer.id : null,
    closestEntryId: answer.id ?? answer.suggestions[0]?.id ?? null,
    confidence: answer.confidence,
    answered: answer.answered,
    at: now,
  };
}

/**
 * The reply to a question: small talk gets a friendly line with examples, a message not in English a
 * note that the bot reads English, anything else the engine's answer (read with the conversation's
 * previous question when it does not stand alone). Only real questions go to the question log.
 */
export async function answerQuestion(question: string, context: ReplyContext): Promise<Reply> {
  const { engine } = context;
  const conversed = await converse(engine, question, context.previous ?? null, context.smallTalk ?? true);
  if (conversed.kind === "small-talk") {
    return {
      message: buildSmallTalkMessage(conversed.answer, conversed.smallTalk),
      logRecord: null,
      turn: null,
      smallTalk: conversed.smallTalk,
    };
  }
  const { asked } = conversed;
  const message = buildAnswerMessage(asked.answer, {
    notices: answerNotices(engine.kb, asked.answer, context),
    normalisedQuestion: asked.normalisedQuestion,
    shareable: context.ephemeral,
    ...(context.ephemeral ? { question } : {}),
    ...(context.questionLabel === undefined ? {} : { questionLabel: context.questionLabel }),
    also: asked.more,
    ...(context.escalate === true ? { escalate: question } : {}),
  });
  return {
    message,
    logRecord:
      conversed.kind === "question" ? questionLogRecord(asked, context.now, context.teamId ?? null) : null,
    turn: turnAfter(conversed, question, engine, context.now),
  };
}

type Card = "status" | "timeline" | "sources";

/**
 * The cards are the same for everyone all day: they depend only on the data, the UTC day (the ages
 * and "upcoming" marks it shows) and whether they are shareable. Built once per data version and day
 * instead of once per request; swapped data is a new key, and dropped once nothing holds it.
 */
const cardCache = new WeakMap<KnowledgeBase, { day: string; messages: Map<string, SlackMessage> }>();

function cachedCard(kind: Card, kb: KnowledgeBase, age: AgeContext, shareable: boolean): SlackMessage {
  const { now } = age;
  const day = `${now.toISOString().slice(0, 10)}|${age.staleAfterDays}`;
  let cached = cardCache.get(kb);
  if (cached?.day !== day) {
    cached = { day, messages: new Map() };
    cardCache.set(kb, cached);
  }
  const key = `${kind}|${shareable}`;
  let message = cached.messages.get(key);
  if (message === undefined) {
    const card = { shareable };
    message =
      kind === "status"
        ? buildStatusMessage(kb, age, card)
        : kind === "timeline"
          ? buildTimelineMessage(kb, now, card)
          : buildSourcesMessage(kb, card);
    cached.messages.set(key, message);
  }
  return message;
}

/** Plain help never changes. */
let plainHelp: SlackMessage | null = null;

/**
 * The reply to every command except the digest ones, which need storage and a channel: the same for
 * Slack and the local console. Card messages are shared between replies, so callers must not change them.
 */
export async function replyTo(
  command: Exclude<TalksCommand, { kind: "digest" }>,
  context: ReplyContext,
): Promise<Reply> {
  const { engine, ephemeral } = context;
  switch (command.kind) {
    case "ask":
      return answerQuestion(command.question, context);
    case "status":
    case "timeline":
    case "sources":
      return { message: cachedCard(command.kind, engine.kb, context, ephemeral), logRecord: null };
    case "help":
      if (command.unrecognised !== null) {
        return { message: buildHelpMessage(command.unrecognised), logRecord: null };
      }
      plainHelp ??= buildHelpMessage();
      return { message: plainHelp, logRecord: null };
    case "digest-invalid":
      return { message: buildNoticeMessage(command.problem), logRecord: null };
  }
}

/**
 * The public copy of a shared ephemeral reply, rebuilt from the data rather than taken from the
 * click's payload. Null when the shared entry is no longer in the data.
 */
export function sharedMessage(
  target: ShareTarget,
  context: Pick<ReplyContext, "engine" | "now" | "staleAfterDays">,
  sharedBy: string,
): SlackMessage | null {
  const { engine, now } = context;
  switch (target.kind) {
    case "status":
      return buildStatusMessage(engine.kb, context, { sharedBy });
    case "timeline":
      return buildTimelineMessage(engine.kb, now, { sharedBy });
    case "sources":
      return buildSourcesMessage(engine.kb, { sharedBy });
    case "answer": {
      const answer = engine.answerEntry(target.entryId);
      if (answer === null) return null;
      return buildAnswerMessage(answer, {
        notices: answerNotices(engine.kb, answer, context),
        normalisedQuestion: target.normalisedQuestion,
        sharedBy,
        ...(target.question === null ? {} : { question: target.question }),
      });
    }
  }
}
