import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, webApi } from "@slack/bolt";
import { createConversationContexts } from "../conversation/context.js";
import { createInFlight, type InFlight } from "../lifecycle/in-flight.js";
import { toBoltLevel, toBoltLogger } from "../logging/bolt-logger.js";
import { createAgentPrompts } from "./agent-view.js";
import { InMemoryEventDeduplicator } from "./in-memory-event-deduplicator.js";
import { registerListeners } from "./listeners/index.js";
import {
  DEFAULT_REACH_POLICY,
  reachSlack,
  type SlackReach,
  type SlackTokenRejectedError,
  tokenRejection,
} from "./reach-slack.js";
import { guardRequestBodies, REQUEST_BODY_LIMIT } from "./request-bodies.js";
import type { ListenerDeps, SlackAppDeps, WebApiPolicy } from "./types.js";

export interface SlackApp {
  app: App;
  mode: "http" | "socket";
  /** Requests accepted whose listeners have not finished yet (answers still being posted). */
  inFlight: InFlight;
  /** True once Slack has accepted the bot token (and, in Socket Mode, the connection is open). */
  isSlackReachable(): boolean;
  /** Resolves if Slack, first reached after `start()` returned, refuses a token. */
  tokenRejected: Promise<SlackTokenRejectedError>;
  /**
   * Starts listening; in HTTP mode resolves to the bound port (useful with PORT=0). Rejects with
   * SlackTokenRejectedError when Slack refuses a token; when Slack cannot be reached it resolves,
   * and keeps trying with backoff.
   */
  start(): Promise<{ port: number | null }>;
  /**
   * Stops taking requests, waits until every accepted one is answered (or has sent its fallback), then
   * closes the connections left open and the Web API's keep-alive sockets.
   */
  stop(): Promise<void>;
}

/**
 * How the Web API client waits on Slack. Bolt's default retries for about 30 minutes with no request
 * timeout: an answer, and a shutdown waiting for it, could hang that long. Rate limits are still
 * waited out as Slack's Retry-After says.
 */
export const WEB_API_POLICY: WebApiPolicy = Object.freeze({
  timeoutMs: 10_000,
  retries: 3,
  minDelayMs: 500,
  maxDelayMs: 2_000,
});

function webClientOptions(apiUrl: string | null, policy: WebApiPolicy) {
  return {
    ...(apiUrl === null ? {} : { slackApiUrl: apiUrl }),
    timeout: policy.timeoutMs,
    retryConfig: {
      retries: policy.retries,
      factor: 2,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: false,
    },
  };
}

/**
 * Builds the Bolt app for the configured connection: HTTP (Slack calls /slack/events, requests are
 * signature-checked) or Socket Mode (the app dials out, so no public URL is needed).
 */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config, logger } = deps;
  const slack = config.slack;
  if (slack.mode === "console")
    throw new Error("createSlackApp needs Slack credentials (the config is in console mode)");

  const boltLogger = toBoltLogger(logger);
  const logLevel = toBoltLevel(config.logLevel);
  const clientOptions = webClientOptions(slack.apiUrl, deps.webApiPolicy ?? WEB_API_POLICY);
  const listenerDeps: ListenerDeps = {
    ...deps,
    events: deps.events ?? new InMemoryEventDeduplicator(),
    conversations: deps.conversations ?? createConversationContexts(),
    agentPrompts: createAgentPrompts({ logger, mostAsked: deps.mostAsked ?? (async () => []) }),
  };

  // Who the bot is (for Bolt's ignoreSelf and for mentions of it) comes from auth.test. Bolt would
  // call it once, unguarded, when built; here it is retried while Slack cannot be reached, and
  // requests are served meanwhile with the token alone.
  let identity: { botId?: string; botUserId?: string } = {};
  const authorize = async () => ({ botToken: slack.botToken, ...identity });

  // convoStore: false: follow-ups keep their own small context (conversation/context.ts), so Bolt's
  // per-request store lookup is waste.
  let app: App;
  let server: Server | null = null;
  if (slack.mode === "http") {
    const receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      logger: boltLogger,
      logLevel,
      customRoutes: deps.customRoutes ?? [],
      bodyLimit: REQUEST_BODY_LIMIT,
    });
    receiver.requestListener = guardRequestBodies(receiver.requestListener, {
      onRefused: (refused) => logger.warn(refused, "refused a request body"),
    });
    app = new App({ authorize, receiver, convoStore: false, logger: boltLogger, logLevel, clientOptions });
  } else {
    app = new App({
      authorize,
      appToken: slack.appToken,
      socketMode: true,
      convoStore: false,
      logger: boltLogger,
      logLevel,
      clientOptions,
      // The Socket Mode client opens its connection through these (SLACK_API_URL), not `clientOptions`.
      installerOptions: { clientOptions },
    });
  }

  const inFlight = createInFlight();
  app.use(inFlight.middleware);
  registerListeners(app, listenerDeps);
  app.error(async (error) => {
    logger.error(
      { err: error, code: (error as { code?: string }).code },
      "unhandled error in a Slack listener",
    );
  });

  const stopping = new AbortController();
  const reachOptions = {
    logger,
    signal: stopping.signal,
    policy: deps.reachPolicy ?? DEFAULT_REACH_POLICY,
  };
  const verifier = new webApi.WebClient(slack.botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    logger: boltLogger,
  });
  const reaches: SlackReach<unknown>[] = [];
  let onTokenRejected: (error: SlackTokenRejectedError) => void = () => undefined;
  const tokenRejected = new Promise<SlackTokenRejectedError>((resolve) => {
    onTokenRejected = resolve;
  });
  /** Starts reaching Slack; settles after the first attempt (see `SlackReach.first`). */
  const reach = <T>(reaching: SlackReach<T>): Promise<T | null> => {
    reaches.push(reaching);
    reaching.reached.catch((error: unknown) => {
      if (!stopping.signal.aborted) onTokenRejected(error as SlackTokenRejectedError);
    });
    return reaching.first;
  };

  return {
    app,
    mode: slack.mode,
    inFlight,
    isSlackReachable: () => reaches.length > 0 && reaches.every((reaching) => reaching.isReachable),
    tokenRejected,
    async start() {
      if (slack.mode === "http") server = (await app.start(config.port)) as Server;
      const botToken = reachSlack({
        ...reachOptions,
        target: "the Web API",
        attempt: () => verifier.auth.test(),
        rejection: (error) => tokenRejection(error, "SLACK_BOT_TOKEN"),
      });
      botToken.reached.then(
        (result) => {
          identity = { botId: result.bot_id, botUserId: result.user_id };
        },
        () => undefined,
      );
      await reach(botToken);
      if (slack.mode === "socket") {
        await reach(
          reachSlack({
            ...reachOptions,
            target: "Socket Mode",
            attempt: () => app.start(),
            rejection: (error) => tokenRejection(error, "SLACK_APP_TOKEN"),
          }),
        );
      }
      return { port: server === null ? null : (server.address() as AddressInfo).port };
    },
    async stop() {
      stopping.abort();
      // Closing the listener first means no new work; the answers already accepted are still being
      // posted, so the connections left open are closed only once they are done.
      const closing = app.stop();
      await inFlight.idle();
      server?.closeAllConnections();
      await closing;
    },
  };
}
