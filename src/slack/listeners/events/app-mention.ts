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

export type AppMentionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_mention">;

/** `@talks <question>` in a channel: the answer goes in a thread under the mention (or its own thread). */
export function appMentionCallback(deps: ListenerDeps) {
  return async ({ event, body, context, client }: AppMentionArgs): Promise<void> => {
    const startedAt = Date.now();
    const logContext: HandledContext = {
      kind: "event",
      event: "app_mention",
      eventId: body.event_id,
      teamId: body.team_id,
      retryNum: context.retryNum ?? 0,
    };
    // Direct messages are answered by the message.im listener; answering here too would reply twice.
    if (event.channel.startsWith("D")) return;
    if (!(await deps.events.claim(body.event_id, deps.now()))) {
      logHandled(deps, logContext, { handledAs: "redelivery-skipped" }, startedAt);
      return;
    }
    const thread_ts = event.thread_ts ?? event.ts;
    try {
      const reply = replyToConversation(
        plainText(stripBotMention(event.text, context.botUserId)),
        body.team_id,
        deps,
      );
      await client.chat.postMessage({ channel: event.channel, thread_ts, ...reply.message });
      logHandled(deps, logContext, outcomeOf(reply, reply.handledAs), startedAt);
      await recordQuestion(deps, reply.logRecord);
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, "could not answer the mention");
      logHandled(deps, logContext, { handledAs: "error", failed: true }, startedAt);
      await client.chat
        .postMessage({ channel: event.channel, thread_ts, ...buildNoticeMessage(SOMETHING_WENT_WRONG) })
        .catch((fallbackError: unknown) =>
          deps.logger.error({ err: fallbackError, ...logContext }, "could not send the fallback reply"),
        );
    }
  };
}
