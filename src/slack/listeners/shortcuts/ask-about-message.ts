import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { BLOCK_TEXT, SHORTCUT_NO_TEXT, SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { buildNoticeMessage } from "../../../blocks/notice.js";
import { plainText } from "../../../commands/plain-text.js";
import { answerQuestion } from "../../../commands/respond.js";
import {
  type HandledContext,
  logHandled,
  outcomeOf,
  recordQuestion,
  yieldToOtherAcks,
} from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type MessageShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/** The message shortcut's callback id, as manifest.yml declares it. */
export const ASK_ABOUT_MESSAGE = "talks_ask_about_message";

/**
 * "Ask talks about this" on a message: the bot answers about that message's text, only to the person
 * who used it (through the shortcut's response_url, so the bot need not be in the channel), with Share.
 */
export function askAboutMessageCallback(deps: ListenerDeps) {
  return async ({ ack, shortcut, respond }: MessageShortcutArgs): Promise<void> => {
    await ack();
    await yieldToOtherAcks();
    const startedAt = Date.now();
    const logContext: HandledContext = {
      kind: "shortcut",
      shortcut: shortcut.callback_id,
      trigger: shortcut.trigger_id,
      teamId: shortcut.team?.id ?? null,
      channelId: shortcut.channel.id,
    };
    try {
      const text = plainText(shortcut.message.text ?? "");
      if (text === "") {
        await respond({ response_type: "ephemeral", ...buildNoticeMessage(SHORTCUT_NO_TEXT) });
        logHandled(deps, logContext, { handledAs: "no-text" }, startedAt);
        return;
      }
      const reply = await answerQuestion(text, {
        engine: deps.getEngine(),
        now: deps.now(),
        staleAfterDays: deps.config.staleAfterDays,
        ephemeral: true,
        teamId: shortcut.team?.id ?? null,
        escalate: deps.config.escalationChannel !== null,
        smallTalk: false,
        questionLabel: BLOCK_TEXT.aboutMessage,
      });
      await respond({ response_type: "ephemeral", ...reply.message });
      logHandled(deps, logContext, outcomeOf(reply, "ask"), startedAt);
      recordQuestion(deps, reply.logRecord);
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, "could not answer about the message");
      logHandled(deps, logContext, { handledAs: "error", failed: true }, startedAt);
      await respond({ response_type: "ephemeral", ...buildNoticeMessage(SOMETHING_WENT_WRONG) }).catch(
        (fallbackError: unknown) =>
          deps.logger.error({ err: fallbackError, ...logContext }, "could not send the fallback reply"),
      );
    }
  };
}
