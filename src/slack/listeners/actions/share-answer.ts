import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeShare } from "../../../blocks/actions.js";
import { ANSWER_NO_LONGER_AVAILABLE, SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { buildNoticeMessage } from "../../../blocks/notice.js";
import { sharedMessage } from "../../../commands/respond.js";
import { type HandledContext, logHandled, yieldToOtherAcks } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * Share in channel: the ephemeral reply is replaced by a public copy through its response_url, which
 * works in any conversation the command was typed in, without the bot having to be a member.
 */
export function shareAnswerCallback(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    await yieldToOtherAcks();
    const startedAt = Date.now();
    const logContext: HandledContext = {
      kind: "action",
      action: action.action_id,
      trigger: body.trigger_id,
      teamId: body.team?.id ?? null,
      channelId: body.channel?.id ?? null,
    };
    try {
      const target = decodeShare(action.value);
      const message =
        target === null
          ? null
          : sharedMessage(target, { engine: deps.getEngine(), now: deps.now() }, body.user.id);
      if (message === null) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...buildNoticeMessage(ANSWER_NO_LONGER_AVAILABLE),
        });
        logHandled(deps, logContext, { handledAs: "share", noLongerAvailable: true }, startedAt);
        return;
      }
      await respond({ response_type: "in_channel", delete_original: true, ...message });
      logHandled(
        deps,
        logContext,
        {
          handledAs: "share",
          shared: target?.kind,
          entryId: target?.kind === "answer" ? target.entryId : null,
        },
        startedAt,
      );
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, "could not share the reply");
      logHandled(deps, logContext, { handledAs: "error", failed: true }, startedAt);
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...buildNoticeMessage(SOMETHING_WENT_WRONG),
      }).catch((fallbackError: unknown) =>
        deps.logger.error({ err: fallbackError, ...logContext }, "could not send the fallback reply"),
      );
    }
  };
}
