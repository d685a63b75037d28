import { createAnswerEngine } from "../../src/answers/engine.js";
import type { AnswerEngine } from "../../src/answers/types.js";
import { loadConfig } from "../../src/config/env.js";
import { healthRoutes } from "../../src/health/health.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { InFlight } from "../../src/lifecycle/in-flight.js";
import { createSlackApp } from "../../src/slack/app.js";
import type { WebApiPolicy } from "../../src/slack/types.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { FeedbackStore, QuestionLog, Storage } from "../../src/storage/types.js";
import { captureLogs } from "../helpers/log-capture.js";
import { meaningModel } from "../helpers/meaning.js";
import { type SentRequest, SlackRequests } from "../helpers/slack-requests.js";

export const BOT_TOKEN = "xoxb-faults-bot-token";

/**
 * The production policy's shape with shorter waits, so fault tests spend milliseconds, not seconds,
 * between attempts. Long enough a timeout for the slow-Slack cases, enough retries to outlast a
 * short refusal.
 */
export const FAST_WEB_API_POLICY: WebApiPolicy = {
  timeoutMs: 3_000,
  retries: 4,
  minDelayMs: 100,
  maxDelayMs: 400,
};
export const SIGNING_SECRET = "faults-signing-secret-0042";

let sharedEngine: Promise<AnswerEngine> | null = null;

/** The curated data's engine, as the bot builds it, built once per test file. */
export function curatedEngine(): Promise<AnswerEngine> {
  sharedEngine ??= meaningModel().then((meaning) =>
    createAnswerEngine(loadKnowledgeBase("data"), { meaning }),
  );
  return sharedEngine;
}

export interface AppUnderFault {
  base: string;
  slack: SlackRequests;
  logs: ReturnType<typeof captureLogs>;
  engine: AnswerEngine;
  inFlight: InFlight;
  /** `@talks <question>` in channel C0001, as its own message `ts`. */
  mention(question: string, ts: string): Promise<SentRequest>;
  stop(): Promise<void>;
}

/**
 * The real Bolt app in HTTP mode on loopback, talking to Slack at `apiUrl` (a fake, or a proxy in
 * front of it that a test can cut), with the stores a test hands in.
 */
export async function startAppUnderFault(options: {
  apiUrl: string;
  questionLog?: QuestionLog;
  feedback?: FeedbackStore;
  storage?: Pick<Storage, "ping">;
  webApiPolicy?: WebApiPolicy;
}): Promise<AppUnderFault> {
  const engine = await curatedEngine();
  const logs = captureLogs([BOT_TOKEN, SIGNING_SECRET]);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.apiUrl,
    PORT: "0",
    LOG_LEVEL: "debug",
  });
  const slackApp = createSlackApp({
    config,
    logger: logs.logger,
    getEngine: () => engine,
    now: () => new Date(),
    feedback: options.feedback ?? createMemoryStorage(),
    questionLog: options.questionLog ?? createMemoryStorage(),
    webApiPolicy: options.webApiPolicy ?? FAST_WEB_API_POLICY,
    ...(options.storage === undefined
      ? {}
      : {
          customRoutes: healthRoutes({
            getEngine: () => engine,
            isSlackReachable: () => slackApp.isSlackReachable(),
            storage: options.storage,
          }),
        }),
  });
  const { port } = await slackApp.start();
  const base = `http://127.0.0.1:${port}`;
  const slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);
  return {
    base,
    slack,
    logs,
    engine,
    inFlight: slackApp.inFlight,
    mention: (question, ts) =>
      slack.event({
        type: "app_mention",
        user: "U0001",
        text: `<@UBOT> ${question}`,
        ts,
        channel: "C0001",
        event_ts: ts,
      }),
    stop: () => slackApp.stop(),
  };
}

/** The first 40 characters of an entry's answer as they appear inside posted JSON. */
export async function answerSnippet(engine: AnswerEngine, question: string): Promise<string> {
  const { answer } = await engine.ask(question);
  if (!answer.answered) throw new Error(`"${question}" is not answered by the data`);
  return JSON.stringify(answer.text.slice(0, 40)).slice(1, -1);
}
