import { decodeSuggestion } from "../../../blocks/actions.js";
import { buildAnswerMessage } from "../../../blocks/answer.js";
import { ANSWER_NO_LONGER_AVAILABLE, SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { buildNoticeMessage } from "../../../blocks/notice.js";
import { type HandledContext, logHandled, yieldToOtherAcks } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";
import type { ButtonArgs } from "./share-answer.js";

/**
 * A suggested question was clicked: answer that entry where the suggestion was shown — replacing an
 * ephemeral decline, or in the same conversation (and thread) as a public one.
 */
export function answerSuggestionCallback(deps: ListenerDeps) {
  return async ({ ack, action, body, respond, client }: ButtonArgs): Promise<void> => {
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
      const suggestion = decodeSuggestion(action.value);
      const answer = suggestion === null ? null : deps.getEngine().answerEntry(suggestion.entryId);
      if (suggestion === null || answer === null) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...buildNoticeMessage(ANSWER_NO_LONGER_AVAILABLE),
        });
        logHandled(deps, logContext, { handledAs: "suggestion", noLongerAvailable: true }, startedAt);
        return;
      }
      const ephemeral = body.container?.is_ephemeral === true || body.channel === undefined;
      const message = buildAnswerMessage(answer, {
        now: deps.now(),
        normalisedQuestion: suggestion.normalisedQuestion,
        shareable: ephemeral,
      });
      if (ephemeral) {
        await respond({ response_type: "ephemeral", replace_original: true, ...message });
      } else {
        const threadTs = body.message?.thread_ts;
        await client.chat.postMessage({
          channel: body.channel?.id ?? "",
          ...(typeof threadTs === "string" ? { thread_ts: threadTs } : {}),
          ...message,
        });
      }
      logHandled(
        deps,
        logContext,
        {
          handledAs: "suggestion",
          entryId: suggestion.entryId,
          confidence: answer.confidence,
          answered: true,
        },
        startedAt,
      );
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, "could not answer the suggested question");
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
