import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver } from "@slack/bolt";
import { createInFlight, type InFlight } from "../lifecycle/in-flight.js";
import { toBoltLevel, toBoltLogger } from "../logging/bolt-logger.js";
import { InMemoryEventDeduplicator } from "./in-memory-event-deduplicator.js";
import { registerListeners } from "./listeners/index.js";
import { guardRequestBodies, REQUEST_BODY_LIMIT } from "./request-bodies.js";
import type { ListenerDeps, SlackAppDeps, WebApiPolicy } from "./types.js";

export interface SlackApp {
  app: App;
  mode: "http" | "socket";
  /** Requests accepted whose listeners have not finished yet (answers still being posted). */
  inFlight: InFlight;
  /** Starts listening; in HTTP mode resolves to the bound port (useful with PORT=0). */
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
  const listenerDeps: ListenerDeps = { ...deps, events: deps.events ?? new InMemoryEventDeduplicator() };

  // convoStore: false: the bot keeps no conversation state, so Bolt's per-request store lookup is waste.
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
    app = new App({
      token: slack.botToken,
      receiver,
      convoStore: false,
      logger: boltLogger,
      logLevel,
      clientOptions,
    });
  } else {
    app = new App({
      token: slack.botToken,
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

  return {
    app,
    mode: slack.mode,
    inFlight,
    async start() {
      if (slack.mode === "socket") {
        await app.start();
        return { port: null };
      }
      server = (await app.start(config.port)) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      // Closing the listener first means no new work; the answers already accepted are still being
      // posted, so the connections left open are closed only once they are done.
      const closing = app.stop();
      await inFlight.idle();
      server?.closeAllConnections();
      await closing;
    },
  };
}
