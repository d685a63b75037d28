import { decodeShare } from "../../../blocks/actions.js";
import { ANSWER_NO_LONGER_AVAILABLE, SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { sharedMessage } from "../../../commands/respond.js";
import { logHandled } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";
import { acknowledgeClick, type ButtonArgs, privateNotice, replyToFailedClick } from "./button.js";

/**
 * Share in channel: the ephemeral reply is replaced by a public copy through its response_url, which
 * works in any conversation the command was typed in, without the bot having to be a member.
 */
export function shareAnswerCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { action, body, respond } = args;
    const click = await acknowledgeClick(args);
    const { startedAt, logContext } = click;
    try {
      const target = decodeShare(action.value);
      const message =
        target === null
          ? null
          : sharedMessage(
              target,
              { engine: deps.getEngine(), now: deps.now(), staleAfterDays: deps.config.staleAfterDays },
              body.user.id,
            );
      if (message === null) {
        await respond(privateNotice(ANSWER_NO_LONGER_AVAILABLE));
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
      await replyToFailedClick(
        deps,
        respond,
        click,
        error,
        "could not share the reply",
        SOMETHING_WENT_WRONG,
      );
    }
  };
}
