import { answerNotices } from "../../../answers/freshness.js";
import { decodeSuggestion } from "../../../blocks/actions.js";
import { buildAnswerMessage } from "../../../blocks/answer.js";
import { ANSWER_NO_LONGER_AVAILABLE, SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { logHandled } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";
import { acknowledgeClick, type ButtonArgs, privateNotice, replyToFailedClick } from "./button.js";

/**
 * A suggested question was clicked: answer that entry where the suggestion was shown — replacing an
 * ephemeral decline, or in the same conversation (and thread) as a public one.
 */
export function answerSuggestionCallback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { action, body, respond, client } = args;
    const click = await acknowledgeClick(args);
    const { startedAt, logContext } = click;
    try {
      const suggestion = decodeSuggestion(action.value);
      const engine = deps.getEngine();
      const answer = suggestion === null ? null : engine.answerEntry(suggestion.entryId);
      if (suggestion === null || answer === null) {
        await respond(privateNotice(ANSWER_NO_LONGER_AVAILABLE));
        logHandled(deps, logContext, { handledAs: "suggestion", noLongerAvailable: true }, startedAt);
        return;
      }
      const ephemeral = body.container?.is_ephemeral === true || body.channel === undefined;
      const message = buildAnswerMessage(answer, {
        notices: answerNotices(engine.kb, answer, {
          now: deps.now(),
          staleAfterDays: deps.config.staleAfterDays,
        }),
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
      await replyToFailedClick(
        deps,
        respond,
        click,
        error,
        "could not answer the suggested question",
        SOMETHING_WENT_WRONG,
      );
    }
  };
}
