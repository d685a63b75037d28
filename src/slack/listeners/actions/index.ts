import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTION_IDS, FEEDBACK_ACTION_PATTERN, SUGGESTION_ACTION_PATTERN } from "../../../blocks/actions.js";
import type { ListenerDeps } from "../../types.js";
import { answerFeedbackCallback } from "./answer-feedback.js";
import { answerSuggestionCallback } from "./answer-suggestion.js";
import { escalateQuestionCallback } from "./escalate-question.js";
import { shareAnswerCallback } from "./share-answer.js";

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, shareAnswerCallback(deps));
  app.action<BlockAction<ButtonAction>>(SUGGESTION_ACTION_PATTERN, answerSuggestionCallback(deps));
  app.action<BlockAction<ButtonAction>>(FEEDBACK_ACTION_PATTERN, answerFeedbackCallback(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.escalate, escalateQuestionCallback(deps));
}
