import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_IDS, encodeFeedback } from "../../../src/blocks/actions.js";
import { createSlackApp, type SlackApp } from "../../../src/slack/app.js";
import { FakeSlackApi } from "../../helpers/fake-slack-api.js";
import { ANSWERED } from "../../helpers/knowledge.js";
import { buildDeps } from "../../helpers/slack-arguments.js";

/**
 * The listeners as Bolt runs them: requests go through `app.processEvent()` (as a receiver would
 * hand them over), Bolt's middleware and routing run, and the Web API is a local fake.
 */
describe("the listeners registered on the Bolt app", () => {
  let fake: FakeSlackApi;
  let slackApp: SlackApp;
  let built: ReturnType<typeof buildDeps>;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    built = buildDeps();
    const { config: _, ...deps } = built.deps;
    slackApp = createSlackApp({
      ...deps,
      config: {
        ...built.deps.config,
        slack: { mode: "http", botToken: "xoxb-test", signingSecret: "secret", apiUrl: fake.apiUrl },
      },
    });
  });

  /** Hands a request to Bolt; resolves to what it was acknowledged with (undefined: never acked). */
  async function deliver(body: Record<string, unknown>): Promise<{ acked: boolean; response: unknown }> {
    let acked = false;
    let response: unknown;
    await slackApp.app.processEvent({
      body,
      ack: async (reply?: unknown) => {
        acked = true;
        response = reply;
      },
    });
    return { acked, response };
  }

  const eventBody = (event: Record<string, unknown>, eventId: string) => ({
    type: "event_callback",
    team_id: "T0001",
    api_app_id: "A0001",
    event_id: eventId,
    event_time: 1,
    authorizations: [{ team_id: "T0001", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    event,
  });

  const clickBody = (actionId: string, value: string) => ({
    type: "block_actions",
    team: { id: "T0001" },
    user: { id: "U0002" },
    channel: { id: "C0001" },
    container: { type: "message", is_ephemeral: false, message_ts: "1700000000.000003" },
    message: { ts: "1700000000.000003" },
    response_url: fake.responseUrl("click"),
    trigger_id: "1.2.3",
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1.1" }],
  });

  it("routes /talks to the slash command, answered in the acknowledgement", async () => {
    const { acked, response } = await deliver({
      command: "/talks",
      text: "when is the next round",
      team_id: "T0001",
      channel_id: "C0001",
      user_id: "U0001",
      response_url: fake.responseUrl("command"),
      trigger_id: "1.2.3",
    });
    expect(acked).toBe(true);
    expect(JSON.stringify(response)).toContain(ANSWERED.text);
  });

  it("answers a person's mention in its thread", async () => {
    await deliver(
      eventBody(
        { type: "app_mention", user: "U0001", text: "<@UBOT> next round?", ts: "1.5", channel: "C0001" },
        "EvPerson",
      ),
    );
    const posts = fake.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: "C0001", thread_ts: "1.5" });
  });

  it.each([
    ["a mention by the bot's own user", { type: "app_mention", user: "UBOT", text: "<@UBOT> next round?" }],
    ["the bot's own message in a DM", { type: "message", channel_type: "im", bot_id: "BBOT", text: "hi" }],
  ])("never answers itself: %s", async (_, event) => {
    await deliver(eventBody({ ts: "1.6", channel: "D0001", ...event }, "EvSelf"));
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("routes each button id to its own callback and leaves unknown ids alone", async () => {
    const vote = await deliver(
      clickBody(
        ACTION_IDS.feedbackHelpful,
        encodeFeedback({ entryId: "next-round", helpful: true, normalisedQuestion: "next round" }),
      ),
    );
    expect(vote.acked).toBe(true);
    expect(built.feedback.records).toMatchObject([{ entryId: "next-round", helpful: true }]);

    const unknown = await deliver(clickBody("talks_unknown", "x"));
    expect(unknown.acked).toBe(false);
  });

  it("counts a request as in flight until its listener has finished", async () => {
    fake.on((call) => (call.method === "chat.postMessage" ? { delayMs: 300 } : undefined));
    const handling = deliver(
      eventBody(
        { type: "app_mention", user: "U0001", text: "<@UBOT> next round?", ts: "1.7", channel: "C0001" },
        "EvSlow",
      ),
    );
    await fake.waitForCalls("chat.postMessage");
    expect(slackApp.inFlight.size).toBe(1);
    await handling;
    expect(slackApp.inFlight.size).toBe(0);
  });
});
