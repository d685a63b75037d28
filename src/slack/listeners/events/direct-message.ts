import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerInConversation } from "../../conversation.js";
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
    const threadTs = "thread_ts" in event ? event.thread_ts : undefined;
    await answerInConversation(deps, client, {
      event: "message.im",
      eventId: body.event_id,
      teamId: body.team_id,
      retryNum: context.retryNum ?? 0,
      botUserId: context.botUserId,
      text,
      target: { channel: event.channel, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) },
      failureLog: "could not answer the direct message",
    });
  };
}
