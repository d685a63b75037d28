import { vi } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createConversationContexts } from "../../src/conversation/context.js";
import { createAgentPrompts } from "../../src/slack/agent-view.js";
import { InMemoryEventDeduplicator } from "../../src/slack/in-memory-event-deduplicator.js";
import type { ButtonArgs } from "../../src/slack/listeners/actions/button.js";
import type { TalksCommandArgs } from "../../src/slack/listeners/commands/talks-command.js";
import type { AppHomeOpenedArgs } from "../../src/slack/listeners/events/app-home-opened.js";
import type { AppMentionArgs } from "../../src/slack/listeners/events/app-mention.js";
import type { MessageArgs } from "../../src/slack/listeners/events/direct-message.js";
import type { ListenerDeps } from "../../src/slack/types.js";
import { FakeEngine } from "./knowledge.js";
import { captureLogs } from "./log-capture.js";
import { InMemoryFeedbackStore, InMemoryQuestionLog } from "./recording-stores.js";

export const NOW = new Date("2026-11-25T12:00:00Z");
export const BOT_USER_ID = "UBOT";

export function buildDeps(overrides: Partial<ListenerDeps> = {}) {
  const engine = new FakeEngine();
  const feedback = new InMemoryFeedbackStore();
  const questionLog = new InMemoryQuestionLog();
  const logs = captureLogs();
  const deps: ListenerDeps = {
    agentPrompts: createAgentPrompts({ logger: logs.logger, mostAsked: async () => [] }),
    config: loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret" }),
    logger: logs.logger,
    getEngine: () => engine,
    feedback,
    questionLog,
    now: () => NOW,
    events: new InMemoryEventDeduplicator(),
    conversations: createConversationContexts(),
    ...overrides,
  };
  return { deps, engine, feedback, questionLog, logs };
}

/**
 * Fake ack/respond/say/client and context, as Bolt passes them to a listener; the listener is called
 * directly, the App is never started.
 */
export function buildArguments() {
  return {
    ack: vi.fn(async (_response?: unknown) => {}),
    respond: vi.fn(async (_message: Record<string, unknown>) => ({})),
    say: vi.fn(async (_message: unknown) => ({ ok: true })),
    client: {
      chat: {
        postMessage: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, ts: "1700000000.000100" })),
      },
      views: { publish: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })) },
      assistant: {
        threads: { setSuggestedPrompts: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })) },
      },
    },
    context: { botUserId: BOT_USER_ID, retryNum: undefined as number | undefined },
    next: vi.fn(async () => {}),
  };
}

export function commandArguments(text: string) {
  const base = buildArguments();
  const command = {
    command: "/talks",
    text,
    team_id: "T0001",
    channel_id: "C0001",
    user_id: "U0001",
    response_url: "https://hooks.slack.test/commands/1",
    trigger_id: "1.2.3",
  };
  return {
    ...base,
    command,
    body: command,
    args: { ...base, command, body: command } as unknown as TalksCommandArgs,
  };
}

export function mentionArguments(
  text: string,
  options: { threadTs?: string; eventId?: string; channel?: string } = {},
) {
  const base = buildArguments();
  const event = {
    type: "app_mention",
    user: "U0001",
    text,
    ts: "1700000000.000001",
    channel: options.channel ?? "C0001",
    ...(options.threadTs === undefined ? {} : { thread_ts: options.threadTs }),
  };
  const body = { event_id: options.eventId ?? "Ev0001", team_id: "T0001", event };
  return { ...base, event, body, args: { ...base, event, body } as unknown as AppMentionArgs };
}

export function messageArguments(fields: Record<string, unknown>, eventId = "Ev0002") {
  const base = buildArguments();
  const event = {
    type: "message",
    channel: "D0001",
    channel_type: "im",
    user: "U0001",
    ts: "1700000000.000002",
    ...fields,
  };
  const body = { event_id: eventId, team_id: "T0001", event };
  return { ...base, event, body, args: { ...base, event, body } as unknown as MessageArgs };
}

export function homeArguments(tab = "home") {
  const base = buildArguments();
  const event = { type: "app_home_opened", user: "U0001", channel: "D0001", tab };
  const body = { event_id: "Ev0003", team_id: "T0001", event };
  return { ...base, event, body, args: { ...base, event, body } as unknown as AppHomeOpenedArgs };
}

export function buttonArguments(
  actionId: string,
  value: string,
  options: { ephemeral?: boolean; threadTs?: string; channel?: string } = {},
) {
  const base = buildArguments();
  const action = { type: "button", action_id: actionId, block_id: "b", value, action_ts: "1.1" };
  const body = {
    type: "block_actions",
    user: { id: "U0002" },
    team: { id: "T0001" },
    channel: { id: options.channel ?? "C0001" },
    container: { type: "message", is_ephemeral: options.ephemeral ?? false, message_ts: "1700000000.000003" },
    message: {
      ts: "1700000000.000003",
      ...(options.threadTs === undefined ? {} : { thread_ts: options.threadTs }),
    },
    response_url: "https://hooks.slack.test/actions/1",
    actions: [action],
  };
  return { ...base, action, body, args: { ...base, action, body, payload: action } as unknown as ButtonArgs };
}
