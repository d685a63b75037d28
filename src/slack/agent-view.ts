import type { AllMiddlewareArgs } from "@slack/bolt";
import { MAX_SUGGESTED_PROMPTS, suggestedPrompts } from "../conversation/suggested-prompts.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Logger } from "../logging/logger.js";
import { slackErrorCode } from "./web-api-errors.js";

/** The title over the prompts in Slack's agent view. */
export const SUGGESTED_PROMPTS_TITLE = "Most asked";

/**
 * Slack's answers that mean the agent view is not there for this workspace: the app lacks
 * `assistant:write` or the agent view, or the workspace's plan does not have it. Asked again only after
 * a restart.
 */
export const AGENT_VIEW_UNAVAILABLE: ReadonlySet<string> = new Set([
  "missing_scope",
  "not_allowed_token_type",
  "unknown_method",
  "feature_not_enabled",
  "team_not_allowed",
  "not_allowed",
  "access_denied",
  "no_permission",
  "method_not_supported_for_channel_type",
]);

export interface AgentPromptsDeps {
  logger: Logger;
  /** The entry ids a workspace asked about most lately, most first; none when the store cannot say. */
  mostAsked: (teamId: string) => Promise<string[]>;
}

export interface AgentPrompts {
  /**
   * Sets the suggested prompts of a user's agent view (the app's Messages tab). Never throws: where the
   * workspace cannot have them, it says so once in the log and stops asking for that workspace.
   * Resolves to what happened, for the log line.
   */
  offer(
    client: AllMiddlewareArgs["client"],
    request: { teamId: string; channelId: string; kb: KnowledgeBase },
  ): Promise<"set" | "unavailable" | "failed">;
}

export function createAgentPrompts(deps: AgentPromptsDeps): AgentPrompts {
  const unavailableIn = new Set<string>();
  return {
    async offer(client, { teamId, channelId, kb }) {
      if (unavailableIn.has(teamId)) return "unavailable";
      const mostAsked = await deps.mostAsked(teamId).catch((error: unknown) => {
        deps.logger.warn(
          { err: error, teamId },
          "could not read the most asked entries; suggesting examples",
        );
        return [];
      });
      try {
        // No thread_ts: in the agent messaging experience the prompts belong to the DM itself.
        await client.assistant.threads.setSuggestedPrompts({
          channel_id: channelId,
          title: SUGGESTED_PROMPTS_TITLE,
          prompts: suggestedPrompts(kb, mostAsked.slice(0, MAX_SUGGESTED_PROMPTS)),
        });
        return "set";
      } catch (error) {
        const code = slackErrorCode(error);
        if (code !== null && AGENT_VIEW_UNAVAILABLE.has(code)) {
          unavailableIn.add(teamId);
          deps.logger.info(
            { teamId, code },
            "the agent view is not available in this workspace; not asking again",
          );
          return "unavailable";
        }
        deps.logger.warn({ err: error, teamId }, "could not set the agent view's suggested prompts");
        return "failed";
      }
    },
  };
}
