import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { buildHomeView } from "../../../blocks/home.js";
import { SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { section } from "../../../blocks/text.js";
import { type HandledContext, logHandled } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type AppHomeOpenedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_home_opened">;

/**
 * The App Home, opened: its Home tab is published each time, so it always shows the data currently
 * loaded; its Messages tab (the agent view) gets the most asked questions as suggested prompts.
 */
export function appHomeOpenedCallback(deps: ListenerDeps) {
  return async ({ event, body, context, client }: AppHomeOpenedArgs): Promise<void> => {
    if (event.tab !== "home" && event.tab !== "messages") return;
    const startedAt = Date.now();
    const logContext: HandledContext = {
      kind: "event",
      event: "app_home_opened",
      eventId: body.event_id,
      teamId: body.team_id,
      retryNum: context.retryNum ?? 0,
    };
    if (event.tab === "messages") {
      // Nothing is shown to the user when this fails: the Messages tab works without prompts.
      const prompts = await deps.agentPrompts.offer(client, {
        teamId: body.team_id,
        channelId: event.channel,
        kb: deps.getEngine().kb,
      });
      logHandled(deps, logContext, { handledAs: "agent-prompts", prompts }, startedAt);
      return;
    }
    try {
      const digest = deps.homeDigest === undefined ? undefined : await deps.homeDigest(body.team_id);
      await client.views.publish({
        user_id: event.user,
        view: buildHomeView(
          deps.getEngine().kb,
          { now: deps.now(), staleAfterDays: deps.config.staleAfterDays },
          digest,
        ),
      });
      logHandled(deps, logContext, { handledAs: "home" }, startedAt);
    } catch (error) {
      deps.logger.error({ err: error, ...logContext }, "could not publish the App Home");
      logHandled(deps, logContext, { handledAs: "home", failed: true }, startedAt);
      await client.views
        .publish({ user_id: event.user, view: { type: "home", blocks: [section(SOMETHING_WENT_WRONG)] } })
        .catch((fallbackError: unknown) =>
          deps.logger.error({ err: fallbackError, ...logContext }, "could not publish the fallback App Home"),
        );
    }
  };
}
