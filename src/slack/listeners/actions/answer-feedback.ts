import { ACTION_IDS, decodeFeedback } from "../../../blocks/actions.js";
import { FEEDBACK_THANKS } from "../../../blocks/messages.js";
import { logHandled } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";
import { acknowledgeClick, type ButtonArgs, privateNotice } from "./button.js";

export const FEEDBACK_LOG_MESSAGES = {
  notRecorded: "could not record the feedback; thanked anyway",
  thanksRetried: "could not send the feedback thanks; trying once more",
  thanksFailed: "could not send the feedback thanks",
} as const;

/**
 * Was this helpful? — the vote is recorded (no user id) and thanked privately. The vote was given
 * whether or not the store took it, so the thanks goes out either way; a lost vote is logged.
 */
export function answerFeedbackCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { action, respond } = args;
    const { startedAt, logContext } = await acknowledgeClick(args);
    const decoded = decodeFeedback(action.value);
    const helpful = decoded?.helpful ?? action.action_id === ACTION_IDS.feedbackHelpful;
    let recorded = false;
    if (decoded !== null) {
      try {
        await deps.feedback.recordFeedback({
          entryId: decoded.entryId,
          helpful,
          normalisedQuestion: decoded.normalisedQuestion,
          at: deps.now(),
        });
        recorded = true;
      } catch (error) {
        deps.logger.warn({ err: error, ...logContext }, FEEDBACK_LOG_MESSAGES.notRecorded);
      }
    }
    const outcome = { handledAs: "feedback", entryId: decoded?.entryId ?? null, helpful, recorded };
    const thanks = privateNotice(helpful ? FEEDBACK_THANKS.helpful : FEEDBACK_THANKS.unhelpful);
    try {
      // A response_url post that failed on a passing fault usually goes through the second time.
      await respond(thanks).catch((error: unknown) => {
        deps.logger.warn({ err: error, ...logContext }, FEEDBACK_LOG_MESSAGES.thanksRetried);
        return respond(thanks);
      });
      logHandled(deps, logContext, outcome, startedAt);
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, FEEDBACK_LOG_MESSAGES.thanksFailed);
      logHandled(deps, logContext, { ...outcome, failed: true }, startedAt);
    }
  };
}
