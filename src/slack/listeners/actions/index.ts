import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import {
  FEEDBACK_ACTION_PATTERN,
  SHARE_ACTION_PATTERN,
  SUGGESTION_ACTION_PATTERN,
} from "../../../blocks/actions.js";
import type { InFlight } from "../../../lifecycle/in-flight.js";
import type { ListenerDeps } from "../../types.js";
import { answerFeedbackCallback } from "./answer-feedback.js";
import { answerSuggestionCallback } from "./answer-suggestion.js";
import type { ButtonArgs } from "./button.js";
import { shareAnswerCallback } from "./share-answer.js";

export function register(app: App, deps: ListenerDeps, inFlight: Pick<InFlight, "listener">): void {
  const routes: [RegExp, (args: ButtonArgs) => Promise<void>][] = [
    [SHARE_ACTION_PATTERN, shareAnswerCallback(deps)],
    [SUGGESTION_ACTION_PATTERN, answerSuggestionCallback(deps)],
    [FEEDBACK_ACTION_PATTERN, answerFeedbackCallback(deps)],
  ];
  // Registered for exactly the routed ids, so every click that reaches the router has a callback.
  const routedIds = new RegExp(routes.map(([pattern]) => pattern.source).join("|"));
  app.action<BlockAction<ButtonAction>>(
    routedIds,
    inFlight.listener(async (args) => {
      const route = routes.find(([pattern]) => pattern.test(args.action.action_id));
      await route?.[1](args);
    }),
  );
}
