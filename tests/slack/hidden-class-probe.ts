/**
 * Run by hidden-classes.test.ts in its own Node process with --allow-natives-syntax (V8's %-functions
 * cannot be called inside Vitest's workers). Drives the per-request paths with plain fakes, then prints,
 * for each object the app builds per request, whether two late calls built it with the same hidden class.
 */
import { createAnswerEngine } from "../../src/answers/engine.js";
import { loadConfig } from "../../src/config/env.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { Logger } from "../../src/logging/logger.js";
import { answerInConversation } from "../../src/slack/conversation.js";
import { InMemoryEventDeduplicator } from "../../src/slack/in-memory-event-deduplicator.js";
import {
  type TalksCommandArgs,
  talksCommandCallback,
} from "../../src/slack/listeners/commands/talks-command.js";
import type { ListenerDeps } from "../../src/slack/types.js";
import { InMemoryFeedbackStore, InMemoryQuestionLog } from "../helpers/recording-stores.js";

// Parsed by V8 itself, so the %-call never reaches the TypeScript loader.
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

const CALLS = 40;
const logLines: object[] = [];
const logger = {
  info: (fields: object) => logLines.push(fields),
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
} as unknown as Logger;
const engine = createAnswerEngine(loadKnowledgeBase("data"));
const now = new Date("2026-11-25T12:00:00Z");
const deps: ListenerDeps = {
  config: loadConfig({ SLACK_BOT_TOKEN: "xoxb-probe", SLACK_SIGNING_SECRET: "probe-secret" }),
  logger,
  getEngine: () => engine,
  feedback: new InMemoryFeedbackStore(),
  questionLog: new InMemoryQuestionLog(),
  now: () => now,
  events: new InMemoryEventDeduplicator(),
};

/** The last two of `CALLS` objects a path built. */
async function lastTwo(build: (call: number) => Promise<object>): Promise<[object, object]> {
  const built: object[] = [];
  for (let call = 0; call < CALLS; call += 1) built.push(await build(call));
  return [built[CALLS - 2] as object, built[CALLS - 1] as object];
}

const command = talksCommandCallback(deps);
const acks = await lastTwo(async (call) => {
  let acked: object = {};
  const args = {
    ack: async (response: object) => {
      acked = response;
    },
    respond: async () => undefined,
    command: {
      command: "/talks",
      text: "what does Russia demand from Ukraine?",
      team_id: "T0001",
      channel_id: "C0001",
      user_id: "U0001",
      trigger_id: `1.2.${call}`,
    },
  } as unknown as TalksCommandArgs;
  await command(args);
  return acked;
});
const commandLogLines = logLines.splice(0).slice(-2) as [object, object];

const posts = await lastTwo(async (call) => {
  let posted: object = {};
  const client = {
    chat: {
      postMessage: async (message: object) => {
        posted = message;
        return { ok: true };
      },
    },
  } as unknown as Parameters<typeof answerInConversation>[1];
  await answerInConversation(deps, client, {
    event: "app_mention",
    eventId: `Ev${call}`,
    teamId: "T0001",
    retryNum: 0,
    botUserId: "UBOT",
    text: "<@UBOT> when is the next round?",
    target: { channel: "C0001", thread_ts: "1700000000.000100" },
    failureLog: "probe",
  });
  return posted;
});
const mentionLogLines = logLines.splice(0).slice(-2) as [object, object];

// The pattern the app avoids, built the same number of times: shows this Node has the problem at all.
const spreadThenAdd = await lastTwo(async (call) => {
  const base = { kind: "command", call };
  return { ...base, latencyMs: call };
});

const verdict = (pair: [object, object]) => haveSameMap(pair[0], pair[1]);
console.log(
  JSON.stringify({
    commandAck: verdict(acks),
    commandLogLine: verdict(commandLogLines),
    mentionPost: verdict(posts),
    mentionLogLine: verdict(mentionLogLines),
    spreadThenAdd: verdict(spreadThenAdd),
  }),
);
