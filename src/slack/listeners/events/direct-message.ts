import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { buildNoticeMessage } from "../../../blocks/notice.js";
import { plainText } from "../../../commands/plain-text.js";
import {
  type HandledContext,
  logHandled,
  outcomeOf,
  recordQuestion,
  replyToConversation,
  stripBotMention,
} from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type MessageArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<"message">;

/**
 * Only a person's new message in a DM with the bot is a question: edits, deletions, joins (all
 * subtypes) and anything from a bot, including this one, are ignored.
 */
function questionText(event: MessageArgs["event"], botUserId: string | undefined): string | null {
  if (event.channel_type !== "im" || event.subtype !== undefined) return null;
  if (event.bot_id !== undefined || event.user === undefined || event.user === botUserId) return null;
  return event.text ?? "";
}

/** A direct message to the bot: answered in the DM (in its thread, when it was asked in one). */
export function directMessageCallback(deps: ListenerDeps) {
  return async ({ event, body, context, client }: MessageArgs): Promise<void> => {
    const text = questionText(event, context.botUserId);
    if (text === null) return;
    const startedAt = Date.now();
    const logContext: HandledContext = {
      kind: "event",
      event: "message.im",
      eventId: body.event_id,
      teamId: body.team_id,
      retryNum: context.retryNum ?? 0,
    };
    if (!(await deps.events.claim(body.event_id, deps.now()))) {
      logHandled(deps, logContext, { handledAs: "redelivery-skipped" }, startedAt);
      return;
    }
    const threadTs = "thread_ts" in event ? event.thread_ts : undefined;
    const target = { channel: event.channel, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) };
    try {
      const reply = replyToConversation(
        plainText(stripBotMention(text, context.botUserId)),
        body.team_id,
        deps,
      );
      await client.chat.postMessage({ ...target, ...reply.message });
      logHandled(deps, logContext, outcomeOf(reply, reply.handledAs), startedAt);
      await recordQuestion(deps, reply.logRecord);
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, "could not answer the direct message");
      logHandled(deps, logContext, { handledAs: "error", failed: true }, startedAt);
      await client.chat
        .postMessage({ ...target, ...buildNoticeMessage(SOMETHING_WENT_WRONG) })
        .catch((fallbackError: unknown) =>
          deps.logger.error({ err: fallbackError, ...logContext }, "could not send the fallback reply"),
        );
    }
  };
}
