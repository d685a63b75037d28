import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerInConversation } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type AppMentionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_mention">;

/** `@talks <question>` in a channel: the answer goes in a thread under the mention (or its own thread). */
export function appMentionCallback(deps: ListenerDeps) {
  return async ({ event, body, context, client }: AppMentionArgs): Promise<void> => {
    // Direct messages are answered by the message.im listener; answering here too would reply twice.
    if (event.channel.startsWith("D")) return;
    await answerInConversation(deps, client, {
      event: "app_mention",
      eventId: body.event_id,
      teamId: body.team_id,
      retryNum: context.retryNum ?? 0,
      botUserId: context.botUserId,
      text: event.text,
      target: { channel: event.channel, thread_ts: event.thread_ts ?? event.ts },
      failureLog: "could not answer the mention",
    });
  };
}
