import { decodeEscalation } from "../../../blocks/actions.js";
import { buildEscalationMessage } from "../../../blocks/escalation.js";
import { ESCALATION_TEXT } from "../../../blocks/messages.js";
import { logHandled } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";
import { slackErrorCode } from "../../web-api-errors.js";
import { acknowledgeClick, type ButtonArgs, privateNotice, replyToFailedClick } from "./button.js";

/**
 * "Ask a person" on a decline: the question goes to ESCALATION_CHANNEL with who asked and where, and the
 * person who clicked is told privately where to look for the reply.
 */
export function escalateQuestionCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { action, body, respond, client } = args;
    const click = await acknowledgeClick(args);
    const { startedAt, logContext } = click;
    const channel = deps.config.escalationChannel;
    const escalation = decodeEscalation(action.value);
    try {
      if (channel === null || escalation === null) {
        await respond(privateNotice(ESCALATION_TEXT.unavailable));
        logHandled(deps, logContext, { handledAs: "escalation", escalated: false }, startedAt);
        return;
      }
      await client.chat.postMessage({
        channel,
        ...buildEscalationMessage({
          question: escalation.question,
          userId: body.user.id,
          channelId: body.channel?.id ?? null,
        }),
      });
      await respond(privateNotice(ESCALATION_TEXT.passedOn(channel)));
      logHandled(deps, logContext, { handledAs: "escalation", escalated: true }, startedAt);
    } catch (error) {
      // not_in_channel here means the bot was never invited to ESCALATION_CHANNEL: the log says so.
      await replyToFailedClick(
        deps,
        respond,
        click,
        error,
        `could not post the question to ESCALATION_CHANNEL (${slackErrorCode(error) ?? "no Slack error code"})`,
        ESCALATION_TEXT.failed,
      );
    }
  };
}
