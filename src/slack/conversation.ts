import type { AllMiddlewareArgs } from "@slack/bolt";
import { DIGEST_NEEDS_SLASH_COMMAND, MENTION_HOW_TO, SOMETHING_WENT_WRONG } from "../blocks/messages.js";
import { buildNoticeMessage } from "../blocks/notice.js";
import { parseTalksCommand } from "../commands/parse.js";
import { plainText } from "../commands/plain-text.js";
import { type Reply, replyTo } from "../commands/respond.js";
import type { TalksCommand } from "../commands/types.js";
import { type ConversationTurn, conversationKey } from "../conversation/context.js";
import { smallTalkKind } from "../conversation/small-talk.js";
import type { QuestionLogRecord } from "../storage/types.js";
import type { ListenerDeps } from "./types.js";

/** Removes mentions of the bot itself, so "@talks what next?" is the question "what next?". */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const mention =
    botUserId === undefined
      ? /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/
      : new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g");
  return text.replace(mention, " ").trim();
}

/**
 * The reply to a mention or a direct message: the same router as `/talks`, public (no Share button),
 * and a short how-to when there is no question at all. Small talk ("hi", "thanks", "help") is answered
 * as such before the router reads a command word in it; a question that does not stand alone is read
 * with `previous`, the conversation's last answered question.
 */
export async function replyToConversation(
  text: string,
  teamId: string,
  deps: ListenerDeps,
  previous: ConversationTurn | null = null,
): Promise<Reply & { handledAs: string }> {
  if (text.trim() === "") {
    return { message: buildNoticeMessage(MENTION_HOW_TO), logRecord: null, handledAs: "how-to" };
  }
  const smallTalk = smallTalkKind(text);
  const command: TalksCommand =
    smallTalk === null ? parseTalksCommand(text) : { kind: "ask", question: text };
  if (command.kind === "digest") {
    return { message: buildNoticeMessage(DIGEST_NEEDS_SLASH_COMMAND), logRecord: null, handledAs: "digest" };
  }
  const reply = await replyTo(command, {
    engine: deps.getEngine(),
    now: deps.now(),
    staleAfterDays: deps.config.staleAfterDays,
    ephemeral: false,
    teamId,
    previous,
    escalate: deps.config.escalationChannel !== null,
  });
  return {
    ...reply,
    handledAs: reply.smallTalk === undefined ? command.kind : `small-talk ${reply.smallTalk}`,
  };
}

/**
 * Logs the question behind the reply. Not awaited: the store commits questions in batches, and a
 * request that waited for its batch would keep all its memory alive until then. Closing the store
 * commits what is pending. The log must never cost the user an answer: a failure is logged, not thrown.
 */
export function recordQuestion(deps: ListenerDeps, record: QuestionLogRecord | null): void {
  if (record === null) return;
  deps.questionLog
    .logQuestion(record)
    .catch((error: unknown) =>
      deps.logger.warn({ err: error }, "could not record the question in the question log"),
    );
}

/** Who asked what kind of thing: the context of a request's one log line. No user text, no tokens. */
export type HandledContext =
  | { kind: "command"; command: string; trigger: string; teamId: string; channelId: string }
  | { kind: "event"; event: string; eventId: string; teamId: string; retryNum: number }
  | { kind: "action"; action: string; trigger: string; teamId: string | null; channelId: string | null }
  | { kind: "shortcut"; shortcut: string; trigger: string; teamId: string | null; channelId: string };

/** What the bot made of a request, for its log line. */
export interface HandledOutcome {
  /** What was asked for: "ask", "status", "digest", "feedback"… */
  handledAs?: string;
  entryId?: string | null;
  confidence?: number | null;
  answered?: boolean | null;
  [detail: string]: unknown;
}

/** The outcome of a reply that may have answered a question. */
export function outcomeOf(reply: Reply, handledAs: string): HandledOutcome {
  return {
    handledAs,
    entryId: reply.logRecord?.entryId ?? null,
    confidence: reply.logRecord?.confidence ?? null,
    answered: reply.logRecord?.answered ?? null,
  };
}

/** The one info line per handled command, event or action: what it was, what came of it, how long it took. */
export function logHandled(
  deps: Pick<ListenerDeps, "logger">,
  context: HandledContext,
  outcome: HandledOutcome,
  startedAt: number,
): void {
  deps.logger.info({ ...context, ...outcome, latencyMs: Date.now() - startedAt }, "handled");
}

/**
 * Lets other requests that arrived in the same burst be acknowledged before this one's answer is
 * worked out: the answer can wait a moment, Slack's 3-second ack deadline cannot.
 */
export function yieldToOtherAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A question put to the bot in a conversation, and where its answer goes. */
export interface ConversationQuestion {
  event: "app_mention" | "message.im";
  eventId: string;
  teamId: string;
  retryNum: number;
  botUserId: string | undefined;
  text: string;
  target: { channel: string; thread_ts?: string };
  /** What the error log says when the answer could not be sent. */
  failureLog: string;
}

/**
 * Answers a mention or a direct message once per event (Slack redelivers), logs the outcome and
 * records the question; when answering fails the user still gets a reply.
 */
export async function answerInConversation(
  deps: ListenerDeps,
  client: AllMiddlewareArgs["client"],
  question: ConversationQuestion,
): Promise<void> {
  const startedAt = Date.now();
  const { eventId, teamId, target } = question;
  const logContext: HandledContext = {
    kind: "event",
    event: question.event,
    eventId,
    teamId,
    retryNum: question.retryNum,
  };
  if (!(await deps.events.claim(eventId, deps.now()))) {
    logHandled(deps, logContext, { handledAs: "redelivery-skipped" }, startedAt);
    return;
  }
  try {
    const key = conversationKey(teamId, target.channel, target.thread_ts);
    const reply = await replyToConversation(
      plainText(stripBotMention(question.text, question.botUserId)),
      teamId,
      deps,
      deps.conversations.recall(key, deps.now()),
    );
    await client.chat.postMessage({ ...target, ...reply.message });
    if (reply.turn != null) deps.conversations.remember(key, reply.turn);
    logHandled(deps, logContext, outcomeOf(reply, reply.handledAs), startedAt);
    recordQuestion(deps, reply.logRecord);
  } catch (error) {
    deps.logger.error({ err: error, ...logContext }, question.failureLog);
    logHandled(deps, logContext, { handledAs: "error", failed: true }, startedAt);
    await client.chat
      .postMessage({ ...target, ...buildNoticeMessage(SOMETHING_WENT_WRONG) })
      .catch((fallbackError: unknown) =>
        deps.logger.error({ err: fallbackError, ...logContext }, "could not send the fallback reply"),
      );
  }
}
