import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { buildNoticeMessage } from "../../../blocks/notice.js";
import { type HandledContext, logHandled, yieldToOtherAcks } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** A click being handled: when its work began (after the ack) and its log context. */
export interface ButtonClick {
  startedAt: number;
  logContext: HandledContext;
}

/** Acks the click first, lets other acks in the same burst go out, then starts the clock. */
export async function acknowledgeClick({ ack, action, body }: ButtonArgs): Promise<ButtonClick> {
  await ack();
  await yieldToOtherAcks();
  return {
    startedAt: Date.now(),
    logContext: {
      kind: "action",
      action: action.action_id,
      trigger: body.trigger_id,
      teamId: body.team?.id ?? null,
      channelId: body.channel?.id ?? null,
    },
  };
}

/** A notice only the clicker sees, left below the message that was clicked. */
export function privateNotice(text: string) {
  return { response_type: "ephemeral" as const, replace_original: false, ...buildNoticeMessage(text) };
}

/** The fallback of a click that failed: the error is logged with its context, the clicker told privately. */
export async function replyToFailedClick(
  deps: ListenerDeps,
  respond: ButtonArgs["respond"],
  { startedAt, logContext }: ButtonClick,
  error: unknown,
  logMessage: string,
  fallbackText: string,
): Promise<void> {
  deps.logger.error({ err: error, ...logContext }, logMessage);
  logHandled(deps, logContext, { handledAs: "error", failed: true }, startedAt);
  await respond(privateNotice(fallbackText)).catch((fallbackError: unknown) =>
    deps.logger.error({ err: fallbackError, ...logContext }, "could not send the fallback reply"),
  );
}
