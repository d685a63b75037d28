import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createInFlight } from "../../../src/lifecycle/in-flight.js";
import { isFromThisBot } from "../../../src/slack/listeners/events/index.js";
import { registerListeners } from "../../../src/slack/listeners/index.js";
import { BOT_USER_ID, buildDeps, mentionArguments } from "../../helpers/slack-arguments.js";

/** An App stand-in that keeps what was registered, per kind. */
function recordingApp() {
  const registered = { command: [] as unknown[], event: [] as unknown[], action: [] as unknown[] };
  const handlers: { event?: (args: unknown) => Promise<void> } = {};
  const app = {
    command: (name: unknown) => registered.command.push(name),
    event: (type: unknown, handler: (args: unknown) => Promise<void>) => {
      registered.event.push(type);
      handlers.event = handler;
    },
    action: (constraint: unknown) => registered.action.push(constraint),
    use: () => {
      throw new Error("no global middleware: Bolt would run it on every request");
    },
  };
  registerListeners(app as unknown as App, buildDeps().deps, createInFlight());
  return Object.assign(registered, { handlers });
}

describe("listener registration", () => {
  it("registers one Bolt listener per kind", () => {
    const registered = recordingApp();
    expect(registered.command).toEqual(["/talks"]);
    expect(registered.event).toHaveLength(1);
    expect(registered.action).toHaveLength(1);
  });

  it("routes exactly the subscribed event types", () => {
    const [types] = recordingApp().event as [RegExp];
    for (const type of ["app_mention", "message", "app_home_opened"]) expect(types.test(type)).toBe(true);
    for (const type of ["reaction_added", "message_changed", "app_mentioned", "xmessage"])
      expect(types.test(type)).toBe(false);
  });

  it("routes exactly the bot's own button ids", () => {
    const [ids] = recordingApp().action as [RegExp];
    for (const id of [
      "talks_share",
      "talks_suggestion_0",
      "talks_suggestion_2",
      "talks_feedback_helpful",
      "talks_feedback_unhelpful",
    ])
      expect(ids.test(id)).toBe(true);
    for (const id of ["talks_share_x", "talks_suggestion_", "talks_feedback", "talks_unknown", "share"])
      expect(ids.test(id)).toBe(false);
  });

  it("does not answer a mention made by the bot's own user", async () => {
    const { handlers } = recordingApp();
    const fromPerson = mentionArguments("<@UBOT> when is the next round?", { eventId: "EvPerson" });
    const fromBot = mentionArguments("<@UBOT> when is the next round?", { eventId: "EvBot" });
    fromBot.event.user = BOT_USER_ID;
    await handlers.event?.(fromPerson.args);
    await handlers.event?.(fromBot.args);
    expect(fromPerson.client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(fromBot.client.chat.postMessage).not.toHaveBeenCalled();
  });
});

describe("isFromThisBot", () => {
  const context = { botId: "BBOT", botUserId: BOT_USER_ID };
  it.each([
    ["the bot's own message", { type: "message", subtype: "bot_message", bot_id: "BBOT" }, true],
    ["a message posted as the bot's user", { type: "message", bot_id: "BBOT", user: BOT_USER_ID }, true],
    ["a mention by the bot's user", { type: "app_mention", user: BOT_USER_ID }, true],
    ["another bot's message", { type: "message", subtype: "bot_message", bot_id: "BOTHER" }, false],
    ["a person's message", { type: "message", user: "U0001" }, false],
    ["a person opening the App Home", { type: "app_home_opened", user: "U0001" }, false],
  ])("%s: %s", (_, event, expected) => {
    expect(isFromThisBot({ event, context } as never)).toBe(expected);
  });

  it("skips nothing while the bot's identity is unknown", () => {
    expect(isFromThisBot({ event: { type: "message", user: "U0001" }, context: {} } as never)).toBe(false);
  });
});
