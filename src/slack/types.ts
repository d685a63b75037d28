import type { CustomRoute } from "@slack/bolt";
import type { AnswerEngine } from "../answers/types.js";
import type { HomeDigestSettings } from "../blocks/home.js";
import type { SlackMessage } from "../blocks/types.js";
import type { DigestCommand } from "../commands/types.js";
import type { Config } from "../config/env.js";
import type { ConversationContexts } from "../conversation/context.js";
import type { Logger } from "../logging/logger.js";
import type { FeedbackStore, QuestionLog } from "../storage/types.js";
import type { AgentPrompts } from "./agent-view.js";
import type { ReachPolicy } from "./reach-slack.js";

/**
 * Remembers which Events API deliveries were handled, so Slack's redeliveries (`X-Slack-Retry-Num`)
 * do not answer twice. Async so a shared database can back it when several copies run.
 */
export interface EventDeduplicator {
  /** True the first time `eventId` is seen (the caller should handle it), false afterwards. */
  claim(eventId: string, now: Date): Promise<boolean>;
}

/** How the Web API client waits on Slack (WEB_API_POLICY in app.ts is the default). */
export interface WebApiPolicy {
  /** Each HTTP attempt gives up after this long. */
  timeoutMs: number;
  /** Further attempts after a failed one (5xx, a timeout, a refused connection). */
  retries: number;
  /** Backoff before the first retry, doubling up to `maxDelayMs`. */
  minDelayMs: number;
  maxDelayMs: number;
}

export interface DigestCommandContext {
  teamId: string;
  channelId: string;
  userId: string;
  now: Date;
}

/** Handles `/talks digest …`; the digest feature provides it, and the reply is shown ephemerally. */
export type DigestCommandHandler = (
  command: DigestCommand,
  context: DigestCommandContext,
) => Promise<SlackMessage>;

/** The digest settings the App Home shows for a workspace. */
export type HomeDigestLoader = (teamId: string) => Promise<HomeDigestSettings>;

export interface SlackAppDeps {
  config: Config;
  logger: Logger;
  /** A getter, not a value: the data is swapped whole when curators edit it. */
  getEngine: () => AnswerEngine;
  feedback: FeedbackStore;
  questionLog: QuestionLog;
  now: () => Date;
  /** Defaults to an in-memory window; pass a shared one when several copies run. */
  events?: EventDeduplicator;
  /** Each conversation's last answered question, for follow-ups; in memory by default. */
  conversations?: ConversationContexts;
  /** Without it, digest commands say the digest is not available. */
  digest?: DigestCommandHandler;
  /** Without it, the App Home has no digest section. */
  homeDigest?: HomeDigestLoader;
  /** The entry ids a workspace asked about most lately (the agent view's prompts); examples only without it. */
  mostAsked?: (teamId: string) => Promise<string[]>;
  /** Extra HTTP routes on the same server, e.g. a health check (HTTP mode only). */
  customRoutes?: CustomRoute[];
  /** How long to wait on Slack's Web API and how often to retry; defaults to WEB_API_POLICY. */
  webApiPolicy?: WebApiPolicy;
  /** Backoff while Slack cannot be reached at start-up; defaults to DEFAULT_REACH_POLICY. */
  reachPolicy?: ReachPolicy;
}

/** What listeners receive: every optional dependency resolved. */
export type ListenerDeps = Omit<
  SlackAppDeps,
  "events" | "conversations" | "mostAsked" | "customRoutes" | "webApiPolicy" | "reachPolicy"
> & {
  events: EventDeduplicator;
  conversations: ConversationContexts;
  agentPrompts: AgentPrompts;
};
