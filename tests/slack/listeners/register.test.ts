import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createInFlight } from "../../../src/lifecycle/in-flight.js";
import { registerListeners } from "../../../src/slack/listeners/index.js";
import { buildDeps } from "../../helpers/slack-arguments.js";

/** An App stand-in that keeps what was registered, per kind. */
function recordingApp() {
  const registered = { command: [] as unknown[], event: [] as unknown[], action: [] as unknown[] };
  const app = {
    command: (name: unknown) => registered.command.push(name),
    event: (type: unknown) => registered.event.push(type),
    action: (constraint: unknown) => registered.action.push(constraint),
    use: () => {
      throw new Error("no global middleware: Bolt would run it on every request");
    },
  };
  registerListeners(app as unknown as App, buildDeps().deps, createInFlight());
  return registered;
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
});
