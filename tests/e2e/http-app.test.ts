import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_IDS, encodeFeedback, encodeSuggestion } from "../../src/blocks/actions.js";
import { FEEDBACK_THANKS, MENTION_HOW_TO } from "../../src/blocks/messages.js";
import { loadConfig } from "../../src/config/env.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import { type RunningApp, startApp } from "../../src/start.js";
import { buttonsOf, FakeSlackApi, type RecordedCall } from "../helpers/fake-slack-api.js";
import { buttonClick, SlackRequests } from "../helpers/slack-requests.js";

const BOT_TOKEN = "xoxb-e2e-bot-token";
const SIGNING_SECRET = "e2e-signing-secret-0123456789";
const KNOWLEDGE_DIR = "data";

let fake: FakeSlackApi;
let app: RunningApp;
let slack: SlackRequests;
let kb: KnowledgeBase;
const logLines: string[] = [];
let dataDir: string;

type Posted = Pick<RecordedCall, "body"> | undefined;

function blocksText(call: Posted): string {
  return JSON.stringify(call?.body.blocks ?? []);
}

/** A slash command, answered in the HTTP response that acknowledges it. */
async function command(text: string): Promise<{ status: number; ms: number; body: Record<string, unknown> }> {
  const ack = await slack.command(text, fake.responseUrl("unused"));
  return { status: ack.status, ms: ack.ms, body: JSON.parse(ack.body) as Record<string, unknown> };
}

/** The newest logged question, read back from the store. */
async function lastLoggedQuestion() {
  return (await app.storage.questionsSince(new Date(Date.now() - 60_000))).at(-1);
}

/**
 * Waits for `count` more calls to `method` than were seen before `action` ran; then a short settle
 * so an extra, unwanted call would be noticed too.
 */
async function callsAfter(
  method: string,
  action: () => Promise<unknown>,
  count = 1,
): Promise<RecordedCall[]> {
  const before = fake.callsTo(method).length;
  await action();
  const all = await fake.waitForCalls(method, before + count);
  return all.slice(before);
}

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  dataDir = mkdtempSync(join(tmpdir(), "talks-e2e-"));
  kb = loadKnowledgeBase(KNOWLEDGE_DIR);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
  });
  app = await startApp(config, { logDestination: { write: (line: string) => logLines.push(line) } });
  slack = new SlackRequests(`http://127.0.0.1:${app.port}/slack/events`, SIGNING_SECRET);
});

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
});

describe("HTTP mode end to end", () => {
  it("starts in HTTP mode on the port it was given", () => {
    expect(app.mode).toBe("http");
    expect(app.port).toBeGreaterThan(0);
  });

  describe("request verification", () => {
    const body = () => slack.commandBody("status", fake.responseUrl("unsigned"));

    it("rejects an unsigned request with 401 and does nothing", async () => {
      const response = await slack.send(body(), "application/x-www-form-urlencoded");
      expect(response.status).toBe(401);
    });

    it("rejects a wrongly signed request with 401", async () => {
      const text = body();
      const headers = new SlackRequests("", "not-the-secret").signed(text);
      expect((await slack.send(text, "application/x-www-form-urlencoded", headers)).status).toBe(401);
    });

    it("rejects a correctly signed but stale (over 5 minutes) request with 401", async () => {
      const text = body();
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      expect(
        (await slack.send(text, "application/x-www-form-urlencoded", slack.signed(text, sixMinutesAgo)))
          .status,
      ).toBe(401);
    });

    it("posted nothing for any rejected request", async () => {
      await slack.send(body(), "application/x-www-form-urlencoded");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.callsTo("response_url")).toEqual([]);
    });

    it("answers Slack's URL verification challenge", async () => {
      const text = JSON.stringify({ token: "t", challenge: "challenge-abc", type: "url_verification" });
      const response = await slack.send(text, "application/json", slack.signed(text));
      expect(response.status).toBe(200);
      expect(response.body).toContain("challenge-abc");
    });
  });

  describe("/talks", () => {
    it("answers with the status card ephemerally in the acknowledgement itself", async () => {
      const reply = await command("status");
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ response_type: "ephemeral" });
      expect(blocksText(reply)).toContain(
        JSON.stringify(kb.status.positions.ukraine.slice(0, 40)).slice(1, -1),
      );
      expect(String(reply.body.text)).toContain("Where the talks stand");
      expect(buttonsOf(reply).map((b) => b.action_id)).toContain(ACTION_IDS.share);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fake.callsTo("response_url")).toEqual([]);
    });

    it("answers a question with its sources, and Share in channel posts it publicly saying who shared", async () => {
      const entry = kb.entries[0];
      if (entry === undefined) throw new Error("the data has no entries");
      const reply = await command(`ask ${entry.question}`);
      expect(reply.body).toMatchObject({
        response_type: "ephemeral",
        text: expect.stringContaining(entry.answer.slice(0, 30)),
      });
      expect(blocksText(reply)).toContain("22 Jul 2025");
      expect(await lastLoggedQuestion()).toMatchObject({
        teamId: "T0001",
        entryId: entry.id,
        answered: true,
      });

      const share = buttonsOf(reply).find((b) => b.action_id === ACTION_IDS.share);
      expect(share).toBeDefined();
      const [shared] = await callsAfter("response_url", () =>
        slack.blockAction(
          buttonClick(
            { action_id: ACTION_IDS.share, value: share?.value ?? "" },
            { responseUrl: fake.responseUrl("share"), ephemeral: true },
          ),
        ),
      );
      expect(shared?.path).toBe("/response/share");
      expect(shared?.body).toMatchObject({ response_type: "in_channel", delete_original: true });
      expect(blocksText(shared)).toContain("Shared by <@U0002>");
      expect(String(shared?.body.text)).toContain(entry.answer.slice(0, 30));
    });

    it("declines an off-topic question plainly and logs it with the workspace but no user", async () => {
      const reply = await command("what is the best recipe for banana bread");
      expect(String(reply.body.text)).toContain("I don't have an answer to that");
      const logged = await lastLoggedQuestion();
      expect(logged).toMatchObject({ teamId: "T0001", answered: false, entryId: null });
      expect(JSON.stringify(logged)).not.toContain("U0001");
    });

    it("escapes <!channel>, <!here> and user mentions in an echoed question", async () => {
      // Slack's markup for a broadcast or a mention is addressing, not the question: it is dropped.
      const reply = await command("<!channel> <!here> <@U999> what about banana bread");
      const everything = JSON.stringify(reply.body);
      expect(everything).toContain("what about banana bread");
      expect(everything).not.toMatch(/<!channel>|<!here>|<@U999>/);
      // The same characters typed as text arrive as entities, and are shown as typed: escaped once.
      const typed = await command("&lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt; what about banana bread");
      const shown = JSON.stringify(typed.body);
      expect(shown).toContain("&lt;!channel&gt;");
      expect(shown).not.toMatch(/<!channel>|<!here>|<@U999>/);
      expect(shown).not.toContain("&amp;lt;");
    });

    it("handles a 10,000-character question quickly", async () => {
      const reply = await command(`what ${"peace talks ".repeat(833)}`);
      expect(reply.status).toBe(200);
      expect(reply.ms).toBeLessThan(1_000);
      expect(String(reply.body.text).length).toBeGreaterThan(0);
      expect(JSON.stringify(reply.body).length).toBeLessThan(40_000);
    });

    it("gives help for unrecognised text", async () => {
      const reply = await command("???");
      expect(String(reply.body.text)).toContain("How to use talks bot");
    });

    it("writes one info line per command with its context and no user text", async () => {
      await command("what about the secret banana question");
      const handled = logLines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.msg === "handled" && line.kind === "command");
      expect(handled.at(-1)).toMatchObject({
        command: "/talks",
        trigger: "1.2.3",
        handledAs: "ask",
        answered: false,
        latencyMs: expect.any(Number),
      });
      expect(logLines.join("\n")).not.toContain("secret banana");
    });
  });

  describe("buttons", () => {
    it("answers a clicked suggestion in place of the ephemeral decline", async () => {
      const entry = kb.entries[1] ?? kb.entries[0];
      const value = encodeSuggestion({ entryId: entry?.id ?? "", normalisedQuestion: "banana bread" });
      const [reply] = await callsAfter("response_url", () =>
        slack.blockAction(
          buttonClick(
            { action_id: `${ACTION_IDS.suggestionPrefix}0`, value },
            { responseUrl: fake.responseUrl("suggest"), ephemeral: true },
          ),
        ),
      );
      expect(reply?.body).toMatchObject({
        replace_original: true,
        text: expect.stringContaining(entry?.answer.slice(0, 30) ?? ""),
      });
    });

    it("answers a suggestion clicked on a public decline in its thread", async () => {
      const entry = kb.entries[0];
      const value = encodeSuggestion({ entryId: entry?.id ?? "", normalisedQuestion: "x" });
      const [posted] = await callsAfter("chat.postMessage", () =>
        slack.blockAction(
          buttonClick(
            { action_id: `${ACTION_IDS.suggestionPrefix}1`, value },
            { responseUrl: fake.responseUrl("s2"), message: { thread_ts: "1700000000.000050" } },
          ),
        ),
      );
      expect(posted?.body).toMatchObject({ channel: "C0001", thread_ts: "1700000000.000050" });
      expect(posted?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    });

    it("records feedback and thanks the user privately", async () => {
      const value = encodeFeedback({
        entryId: kb.entries[0]?.id ?? null,
        helpful: false,
        normalisedQuestion: "q",
      });
      const [reply] = await callsAfter("response_url", () =>
        slack.blockAction(
          buttonClick(
            { action_id: ACTION_IDS.feedbackUnhelpful, value },
            { responseUrl: fake.responseUrl("fb") },
          ),
        ),
      );
      expect(reply?.body).toMatchObject({
        response_type: "ephemeral",
        replace_original: false,
        text: FEEDBACK_THANKS.unhelpful,
      });
      const { unhelpful } = await app.storage.reportRecords({
        since: new Date(Date.now() - 60_000),
        lowConfidenceBelow: 0,
      });
      expect(unhelpful).toEqual([
        expect.objectContaining({ entryId: kb.entries[0]?.id, helpful: false, normalisedQuestion: "q" }),
      ]);
    });
  });

  describe("events", () => {
    it("answers a mention in a thread under it", async () => {
      const entry = kb.entries[0];
      const [posted] = await callsAfter("chat.postMessage", async () => {
        const ack = await slack.event({
          type: "app_mention",
          user: "U0001",
          text: `<@UBOT> ${entry?.question}`,
          ts: "1700000001.000100",
          channel: "C0001",
          event_ts: "1700000001.000100",
        });
        expect(ack.status).toBe(200);
      });
      expect(posted?.body).toMatchObject({ channel: "C0001", thread_ts: "1700000001.000100" });
      expect(String(posted?.body.text)).toContain(entry?.answer.slice(0, 30));
      expect(blocksText(posted)).not.toContain(ACTION_IDS.share);
    });

    it("answers a mention made inside a thread in that thread, and a bare mention with a how-to", async () => {
      const [posted] = await callsAfter("chat.postMessage", () =>
        slack.event({
          type: "app_mention",
          user: "U0001",
          text: "<@UBOT>",
          ts: "1700000002.000200",
          thread_ts: "1700000000.000001",
          channel: "C0001",
          event_ts: "1700000002.000200",
        }),
      );
      expect(posted?.body).toMatchObject({ thread_ts: "1700000000.000001", text: MENTION_HOW_TO });
    });

    it("answers a redelivered event only once", async () => {
      const event = {
        type: "app_mention",
        user: "U0001",
        text: "<@UBOT> status",
        ts: "1700000003.000300",
        channel: "C0001",
        event_ts: "1700000003.000300",
      };
      await callsAfter("chat.postMessage", () => slack.event(event, { eventId: "EvRetried" }));
      const retry = await slack.event(event, { eventId: "EvRetried", retryNum: 1 });
      expect(retry.status).toBe(200);
      // A later, different event is answered; by then a second answer to the retry would have arrived too.
      await callsAfter("chat.postMessage", () =>
        slack.event({ ...event, ts: "1700000004.000400" }, { eventId: "EvAfter" }),
      );
      const posted = fake.callsTo("chat.postMessage");
      expect(posted.map((call) => call.body.thread_ts)).toEqual(["1700000003.000300", "1700000004.000400"]);
    });

    it("answers a direct message in the DM and ignores bot messages and edits", async () => {
      const dm = { type: "message", channel: "D0001", channel_type: "im", user: "U0001" };
      await slack.event({ ...dm, bot_id: "B1", text: "status", ts: "1700000005.000001" });
      await slack.event({ ...dm, subtype: "message_changed", ts: "1700000005.000002" });
      await slack.event({ ...dm, user: "UBOT", text: "status", ts: "1700000005.000003" });
      const [posted] = await callsAfter("chat.postMessage", () =>
        slack.event({ ...dm, text: "<!channel> status", ts: "1700000005.000004" }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
      expect(posted?.body.channel).toBe("D0001");
      expect(posted?.body).not.toHaveProperty("thread_ts");
      expect(JSON.stringify(posted?.body)).not.toContain("<!channel>");
    });

    it("answers a 10,000-character direct message quickly and sanely", async () => {
      const started = performance.now();
      const [posted] = await callsAfter("chat.postMessage", () =>
        slack.event({
          type: "message",
          channel: "D0001",
          channel_type: "im",
          user: "U0001",
          text: "x".repeat(10_000),
          ts: "1700000006.000001",
        }),
      );
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(String(posted?.body.text).length).toBeLessThan(4_000);
    });

    it("publishes the App Home when it is opened", async () => {
      const [published] = await callsAfter("views.publish", () =>
        slack.event({
          type: "app_home_opened",
          user: "U0001",
          channel: "D0001",
          tab: "home",
          event_ts: "1700000007.000001",
        }),
      );
      expect(published?.body).toMatchObject({ user_id: "U0001", view: { type: "home" } });
      expect(JSON.stringify(published?.body.view)).toContain("Where the talks stand");
    });
  });

  it("never wrote a token or the signing secret to the log", () => {
    const log = logLines.join("\n");
    expect(logLines.length).toBeGreaterThan(0);
    expect(log).not.toContain(BOT_TOKEN);
    expect(log).not.toContain(SIGNING_SECRET);
  });
});
