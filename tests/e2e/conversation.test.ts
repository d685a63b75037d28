import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGLISH_ONLY_TEXT } from "../../src/answers/messages.js";
import { ACTION_IDS } from "../../src/blocks/actions.js";
import { BLOCK_TEXT, ESCALATION_TEXT, SHORTCUT_NO_TEXT } from "../../src/blocks/messages.js";
import { loadConfig } from "../../src/config/env.js";
import { FOLLOW_UP_WINDOW_MS } from "../../src/conversation/context.js";
import { SMALL_TALK_TEXT } from "../../src/conversation/messages.js";
import { suggestedPrompts } from "../../src/conversation/suggested-prompts.js";
import { describeDisabledReason } from "../../src/digest/messages.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import { SUGGESTED_PROMPTS_TITLE } from "../../src/slack/agent-view.js";
import { ASK_ABOUT_MESSAGE } from "../../src/slack/listeners/shortcuts/ask-about-message.js";
import { type RunningApp, startApp } from "../../src/start.js";
import { buttonsOf, FakeSlackApi, type RecordedCall } from "../helpers/fake-slack-api.js";
import { captureLogs } from "../helpers/log-capture.js";
import { buttonClick, SlackRequests } from "../helpers/slack-requests.js";

// Issue 13 end to end: signed requests to the real app in HTTP mode, Slack played by the fake Web API.
const SIGNING_SECRET = "e2e-conversation-secret-0123456789";
const ESCALATION_CHANNEL = "CHELP0001";
const KNOWLEDGE_DIR = "data";

let fake: FakeSlackApi;
let app: RunningApp;
let slack: SlackRequests;
let kb: KnowledgeBase;
let dataDir: string;
let logs: ReturnType<typeof captureLogs>;
let clock = new Date();
let tsCounter = 0;

const nextTs = () => {
  tsCounter += 1;
  return `1800000000.${String(tsCounter).padStart(6, "0")}`;
};

const handledCount = () => logs.entries().filter((entry) => entry.msg === "handled").length;

/**
 * Sends an event and waits for the one message the bot posts in reply, and for the app to finish
 * handling it: the fake sees the post before the app has logged the question.
 */
async function reply(event: Record<string, unknown>): Promise<RecordedCall> {
  const before = fake.callsTo("chat.postMessage").length;
  const handledBefore = handledCount();
  const sent = await slack.event(event);
  expect(sent.status).toBe(200);
  const calls = await fake.waitForCalls("chat.postMessage", before + 1);
  await expect.poll(handledCount, { timeout: 5_000, interval: 10 }).toBeGreaterThan(handledBefore);
  return calls[before] as RecordedCall;
}

const dm = (text: string, extra: Record<string, unknown> = {}) =>
  reply({
    type: "message",
    channel: "D0001",
    channel_type: "im",
    user: "U0001",
    text,
    ts: nextTs(),
    ...extra,
  });

const mention = (text: string, extra: Record<string, unknown> = {}) =>
  reply({
    type: "app_mention",
    channel: "C0001",
    user: "U0001",
    text: `<@UBOT> ${text}`,
    ts: nextTs(),
    ...extra,
  });

/** Every question the store logged (small talk and other languages must never be among them). */
function logged() {
  return app.storage.questionsSince(new Date(0));
}

/** The questions logged while `action` ran. */
async function loggedDuring(action: () => Promise<unknown>) {
  const before = (await logged()).length;
  await action();
  return (await logged()).slice(before);
}

const entryAnswer = (id: string) => kb.entryById.get(id)?.answer.slice(0, 40) ?? `no entry ${id}`;

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  dataDir = mkdtempSync(join(tmpdir(), "talks-e2e-conversation-"));
  kb = loadKnowledgeBase(KNOWLEDGE_DIR);
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-e2e-conversation",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR,
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ESCALATION_CHANNEL,
  });
  logs = captureLogs();
  app = await startApp(config, { logger: logs.logger, overrides: { now: () => clock } });
  slack = new SlackRequests(`http://127.0.0.1:${app.port}/slack/events`, SIGNING_SECRET);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
  clock = new Date();
});

describe("small talk and other languages (issue 13, point 2)", () => {
  it("answers greetings, thanks, “what can you do”, “who are you” and “help” with a friendly line and three example questions", async () => {
    const during = loggedDuring(async () => {
      for (const [text, kind] of [
        ["hi", "greeting"],
        ["thanks!", "thanks"],
        ["what can you do?", "capabilities"],
        ["who are you?", "identity"],
        ["help", "help"],
      ] as const) {
        const posted = await dm(text);
        expect(posted.body.text).toContain(SMALL_TALK_TEXT[kind]);
        const examples = buttonsOf(posted);
        expect(examples.map((button) => button.text)).toEqual(
          (kb.status.examples ?? []).map((id) => kb.entryById.get(id)?.question),
        );
        expect(examples.every((button) => button.action_id.startsWith(ACTION_IDS.suggestionPrefix))).toBe(
          true,
        );
      }
    });
    expect(await during).toEqual([]);
  });

  it("answers small talk worded as no phrase lists, read by meaning, and logs nothing", async () => {
    const posted: RecordedCall[] = [];
    const during = await loggedDuring(async () => {
      posted.push(await dm("thanks a lot for your help!"));
      posted.push(await mention("are you a real person or a program?"));
    });
    expect(posted.map((call) => call.body.text)).toEqual([
      expect.stringContaining(SMALL_TALK_TEXT.thanks),
      expect.stringContaining(SMALL_TALK_TEXT.identity),
    ]);
    expect(JSON.stringify(posted.map((call) => call.body.blocks))).not.toContain(BLOCK_TEXT.helpfulPrompt);
    expect(during).toEqual([]);
  });

  it("answers a clicked example question in the conversation", async () => {
    const greeting = await dm("hello there");
    const [example] = buttonsOf(greeting);
    const before = fake.callsTo("chat.postMessage").length;
    await slack.blockAction(
      buttonClick(
        { action_id: example?.action_id ?? "", value: example?.value ?? "" },
        { responseUrl: fake.responseUrl("example"), channel: "D0001" },
      ),
    );
    const [answered] = (await fake.waitForCalls("chat.postMessage", before + 1)).slice(before);
    expect(String(answered?.body.text)).toContain(entryAnswer(kb.status.examples?.[0] ?? ""));
  });

  it("notes that it reads English, with suggestions, and logs nothing", async () => {
    let posted: RecordedCall | undefined;
    const during = await loggedDuring(async () => {
      posted = await dm("Коли наступний раунд переговорів?");
    });
    expect(posted?.body.text).toContain(ENGLISH_ONLY_TEXT);
    const suggestions = buttonsOf(posted).filter((b) => b.action_id.startsWith(ACTION_IDS.suggestionPrefix));
    expect(suggestions).toHaveLength(3);
    expect(during).toEqual([]);
  });

  it("still answers a question wrapped in a greeting, and logs it", async () => {
    let posted: RecordedCall | undefined;
    const during = await loggedDuring(async () => {
      posted = await dm("hi! who leads the Russian delegation?");
    });
    expect(String(posted?.body.text)).toContain(entryAnswer("russian-delegation"));
    expect(during).toEqual([expect.objectContaining({ entryId: "russian-delegation", answered: true })]);
  });

  it("answers small talk after /talks too, ephemerally", async () => {
    const ack = await slack.command("thanks", fake.responseUrl("unused"));
    const body = JSON.parse(ack.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringContaining(SMALL_TALK_TEXT.thanks),
    });
  });
});

describe("follow-ups (issue 13, point 1)", () => {
  it("reads “and what about Russia?” in a DM with the previous question", async () => {
    await dm("What are Ukraine's demands?");
    let followUp: RecordedCall | undefined;
    const during = await loggedDuring(async () => {
      followUp = await dm("and what about Russia?");
    });
    expect(String(followUp?.body.text)).toContain(entryAnswer("russia-demands"));
    expect(during).toEqual([expect.objectContaining({ entryId: "russia-demands", answered: true })]);
  });

  it("reads a follow-up mention in the thread where the bot answered, and only there", async () => {
    const asked = nextTs();
    const first = await reply({
      type: "app_mention",
      channel: "C0001",
      user: "U0001",
      text: "<@UBOT> What are Ukraine's demands?",
      ts: asked,
    });
    expect(first.body.thread_ts).toBe(asked);
    const inThread = await mention("and what about Russia?", { thread_ts: asked });
    expect(inThread.body.thread_ts).toBe(asked);
    expect(String(inThread.body.text)).toContain(entryAnswer("russia-demands"));
    const elsewhere = await mention("and what about Russia?");
    expect(String(elsewhere.body.text)).not.toContain(entryAnswer("russia-demands"));
  });

  it("forgets the previous question after 30 minutes", async () => {
    await dm("What are Ukraine's demands?", { channel: "D0002" });
    clock = new Date(clock.getTime() + FOLLOW_UP_WINDOW_MS + 60_000);
    const late = await dm("and what about Russia?", { channel: "D0002" });
    expect(String(late.body.text)).not.toContain(entryAnswer("russia-demands"));
  });
});

describe("Still need help? (issue 13, point 6)", () => {
  it("offers “Ask a person” on a decline, with no “Was this helpful?”; a click posts the question to ESCALATION_CHANNEL and tells the asker where", async () => {
    const declined = await dm("what is the best banana bread recipe?");
    const buttons = buttonsOf(declined);
    expect(buttons.map((b) => b.action_id)).not.toContain(ACTION_IDS.feedbackHelpful);
    expect(JSON.stringify(declined.body.blocks)).not.toContain(BLOCK_TEXT.helpfulPrompt);
    const escalate = buttons.find((b) => b.action_id === ACTION_IDS.escalate);
    expect(escalate?.text).toBe(BLOCK_TEXT.escalate);

    const before = fake.callsTo("chat.postMessage").length;
    await slack.blockAction(
      buttonClick(
        { action_id: ACTION_IDS.escalate, value: escalate?.value ?? "" },
        { responseUrl: fake.responseUrl("escalate"), channel: "D0001" },
      ),
    );
    const [posted] = (await fake.waitForCalls("chat.postMessage", before + 1)).slice(before);
    expect(posted?.body.channel).toBe(ESCALATION_CHANNEL);
    expect(JSON.stringify(posted?.body.blocks)).toContain(ESCALATION_TEXT.askedIn("U0002", "D0001"));
    expect(JSON.stringify(posted?.body.blocks)).toContain("what is the best banana bread recipe?");
    const [told] = await fake.waitForCalls("response_url");
    expect(told?.path).toBe("/response/escalate");
    expect(told?.body).toMatchObject({
      response_type: "ephemeral",
      text: ESCALATION_TEXT.passedOn(ESCALATION_CHANNEL),
    });
  });

  it("offers it on a /talks decline too, and never on an answer", async () => {
    const declined = JSON.parse((await slack.command("banana bread?", fake.responseUrl("u"))).body);
    expect(buttonsOf({ body: declined }).map((b) => b.action_id)).toContain(ACTION_IDS.escalate);
    const answered = await dm("Who leads Russia's delegation?");
    expect(buttonsOf(answered).map((b) => b.action_id)).not.toContain(ACTION_IDS.escalate);
  });
});

describe("Block Kit polish (issue 13, point 5)", () => {
  const commandReply = async (text: string) =>
    JSON.parse((await slack.command(text, fake.responseUrl("polish"))).body) as RecordedCall["body"];

  it("echoes typed *, _, ~ and backticks as typed, not as formatting, and escapes <, > and &", async () => {
    // Slack sends typed <, > and & as entities.
    const reply = await commandReply("ask is *banana* _bread_ ~cake~ `pie` &amp; &lt;b&gt; any good?");
    // The echo is what Slack renders; a button's value is data, never shown.
    const echoed = JSON.stringify(reply.blocks).match(/You asked: ([^"]+)"/)?.[1] ?? "";
    const zws = "\u200b";
    for (const mark of ["*", "_", "~", "`"]) expect(echoed).toContain(`${zws}${mark}${zws}`);
    expect(echoed).toContain("&amp; &lt;b&gt;");
    expect(echoed).not.toContain("*banana*");
  });

  it("writes dates one way, and “Source:” for the one document an answer cites", async () => {
    const answered = await dm("Who leads Russia's delegation?");
    const blocks = JSON.stringify(answered.body.blocks);
    expect(blocks).toMatch(/Source: “[^”]+” \(22 Jul 2025\), citing /);
    expect(blocks).not.toContain("Sources:");
    const status = JSON.stringify((await commandReply("status")).blocks);
    for (const text of [blocks, status]) {
      expect(text).toContain("22 Jul 2025");
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|July \d{1,2}, \d{4}|\d{1,2}\/\d{1,2}\/\d{4}/);
    }
  });

  it("reads the status card's next event as one phrase, not two parentheticals in a row", async () => {
    const status = JSON.stringify((await commandReply("status")).blocks);
    const line = status.match(new RegExp(`\\*${BLOCK_TEXT.nextScheduled}:\\* ([^"\\\\]+)`))?.[1];
    expect(line).toBeDefined();
    expect(line).toMatch(/ on \d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(line).not.toMatch(/\)\s*\(/);
  });

  it("shows a paused subscription's reason in words in the App Home, not Slack's code", async () => {
    await app.storage.subscribe({
      teamId: "T0001",
      channelId: "C0PAUSED",
      time: "09:00",
      timeZone: "Europe/Kyiv",
      cadence: null,
      createdBy: "U0001",
      now: clock,
    });
    await app.storage.disableSubscription("C0PAUSED", "not_in_channel");
    await slack.event({ type: "app_home_opened", user: "U0001", channel: "D0001", tab: "home" });
    const [published] = await fake.waitForCalls("views.publish");
    const view = JSON.stringify(published?.body.view);
    expect(view).toContain("<#C0PAUSED>");
    expect(view).toContain(JSON.stringify(describeDisabledReason("not_in_channel")).slice(1, -1));
    expect(view).not.toContain("not_in_channel");
    await app.storage.unsubscribe("C0PAUSED");
  });
});

/** A message shortcut, as Slack posts it to the interactivity URL. */
function shortcutPayload(text: string | undefined, responseUrl: string): Record<string, unknown> {
  return {
    type: "message_action",
    callback_id: ASK_ABOUT_MESSAGE,
    trigger_id: "13.13.13",
    message_ts: "1800000099.000001",
    response_url: responseUrl,
    message: {
      type: "message",
      user: "U0003",
      ts: "1800000099.000001",
      ...(text === undefined ? {} : { text }),
    },
    user: { id: "U0001", name: "alice" },
    channel: { id: "C0001", name: "general" },
    team: { id: "T0001", domain: "fake" },
    token: "deprecated-verification-token",
    action_ts: "1800000100.000001",
  };
}

describe("message shortcut “Ask talks about this” (issue 13, point 3)", () => {
  it("answers about the message's text, only to the person who used it, with Share", async () => {
    const ack = await slack.blockAction(
      shortcutPayload("anyone know who leads Russia's delegation? <@U0009>", fake.responseUrl("shortcut")),
    );
    expect(ack.status).toBe(200);
    const [answered] = await fake.waitForCalls("response_url");
    expect(answered?.path).toBe("/response/shortcut");
    expect(answered?.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(answered?.body.text)).toContain(entryAnswer("russian-delegation"));
    expect(JSON.stringify(answered?.body.blocks)).toContain(BLOCK_TEXT.aboutMessage);
    expect(JSON.stringify(answered?.body.blocks)).not.toContain("<@U0009>");
    const share = buttonsOf(answered).find((b) => b.action_id === ACTION_IDS.share);
    expect(share).toBeDefined();

    await slack.blockAction(
      buttonClick(
        { action_id: ACTION_IDS.share, value: share?.value ?? "" },
        { responseUrl: fake.responseUrl("shared"), ephemeral: true },
      ),
    );
    const [shared] = (await fake.waitForCalls("response_url", 2)).slice(1);
    expect(shared?.body).toMatchObject({ response_type: "in_channel", delete_original: true });
    expect(String(shared?.body.text)).toContain(entryAnswer("russian-delegation"));
  });

  it("says so when the message has no text to read", async () => {
    await slack.blockAction(shortcutPayload(undefined, fake.responseUrl("empty")));
    const [told] = await fake.waitForCalls("response_url");
    expect(told?.body).toMatchObject({ response_type: "ephemeral", text: SHORTCUT_NO_TEXT });
  });
});

describe("the agent view (issue 13, point 4)", () => {
  const openMessagesTab = () =>
    slack.event({
      type: "app_home_opened",
      user: "U0001",
      channel: "D0001",
      tab: "messages",
      event_ts: nextTs(),
    });

  it("sets the most asked entries as suggested prompts when the Messages tab is opened", async () => {
    for (let i = 0; i < 6; i += 1) await dm("Is there a ceasefire?");
    await openMessagesTab();
    const [set] = await fake.waitForCalls("assistant.threads.setSuggestedPrompts");
    expect(set?.body).toMatchObject({ channel_id: "D0001", title: SUGGESTED_PROMPTS_TITLE });
    expect(set?.body).not.toHaveProperty("thread_ts");
    const prompts = (
      typeof set?.body.prompts === "string" ? JSON.parse(set.body.prompts) : set?.body.prompts
    ) as { title: string; message: string }[];
    expect(prompts).toHaveLength(4);
    expect(prompts[0]).toEqual({
      title: kb.entryById.get("ceasefire-status")?.question,
      message: kb.entryById.get("ceasefire-status")?.question,
    });
    const mostAsked = await app.storage.mostAskedEntries({ since: new Date(0), teamId: "T0001", limit: 4 });
    expect(prompts.map((prompt) => prompt.message)).toEqual(
      suggestedPrompts(
        kb,
        mostAsked.map((entry) => entry.entryId),
      ).map((prompt) => prompt.message),
    );
    expect(fake.callsTo("views.publish")).toEqual([]);
  });

  it("answers a question asked there as in a DM, in its thread", async () => {
    const root = nextTs();
    const posted = await dm("Who leads Russia's delegation?", { thread_ts: root });
    expect(posted.body).toMatchObject({ channel: "D0001", thread_ts: root });
    expect(String(posted.body.text)).toContain(entryAnswer("russian-delegation"));
  });

  it("degrades quietly where the workspace cannot have it: no error to the user, and Slack is not asked again", async () => {
    fake.on((call) =>
      call.method === "assistant.threads.setSuggestedPrompts"
        ? { body: { ok: false, error: "missing_scope", needed: "assistant:write" } }
        : undefined,
    );
    await openMessagesTab();
    await fake.waitForCalls("assistant.threads.setSuggestedPrompts");
    await openMessagesTab();
    const answered = await dm("Is there a ceasefire?");
    expect(String(answered.body.text)).toContain(entryAnswer("ceasefire-status"));
    expect(fake.callsTo("assistant.threads.setSuggestedPrompts")).toHaveLength(1);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });
});
