import { describe, expect, it, vi } from "vitest";
import { BLOCK_TEXT, SOMETHING_WENT_WRONG } from "../../../../src/blocks/messages.js";
import { createAgentPrompts, SUGGESTED_PROMPTS_TITLE } from "../../../../src/slack/agent-view.js";
import { appHomeOpenedCallback } from "../../../../src/slack/listeners/events/app-home-opened.js";
import { buildDeps, homeArguments } from "../../../helpers/slack-arguments.js";

describe("app_home_opened", () => {
  it("publishes the App Home with the status card for the user", async () => {
    const { deps, engine } = buildDeps();
    const call = homeArguments();
    await appHomeOpenedCallback(deps)(call.args);
    const published = call.client.views.publish.mock.calls[0]?.[0];
    expect(published).toMatchObject({ user_id: "U0001", view: { type: "home" } });
    expect(JSON.stringify(published)).toContain(engine.kb.status.summary);
  });

  it("includes the digest settings when a loader is wired in", async () => {
    const homeDigest = vi.fn(async () => ({ subscriptions: [] }));
    const { deps } = buildDeps({ homeDigest });
    const call = homeArguments();
    await appHomeOpenedCallback(deps)(call.args);
    expect(homeDigest).toHaveBeenCalledWith("T0001");
    expect(JSON.stringify(call.client.views.publish.mock.calls[0]?.[0])).toContain(BLOCK_TEXT.digestNone);
  });

  it("on the Messages tab, publishes no home but suggests the most asked questions, then the examples", async () => {
    const { deps, engine, logs } = buildDeps();
    const agentPrompts = createAgentPrompts({
      logger: logs.logger,
      mostAsked: async () => ["gone", "next-round"],
    });
    const call = homeArguments("messages");
    await appHomeOpenedCallback({ ...deps, agentPrompts })(call.args);
    expect(call.client.views.publish).not.toHaveBeenCalled();
    const question = engine.kb.entries[0]?.question;
    expect(call.client.assistant.threads.setSuggestedPrompts).toHaveBeenCalledWith({
      channel_id: "D0001",
      title: SUGGESTED_PROMPTS_TITLE,
      prompts: [{ title: question, message: question }],
    });
  });

  it("suggests the examples when the store cannot say what was asked, and logs why", async () => {
    const { deps, logs } = buildDeps();
    const agentPrompts = createAgentPrompts({
      logger: logs.logger,
      mostAsked: async () => Promise.reject(new Error("db down")),
    });
    const call = homeArguments("messages");
    await appHomeOpenedCallback({ ...deps, agentPrompts })(call.args);
    expect(call.client.assistant.threads.setSuggestedPrompts).toHaveBeenCalled();
    expect(logs.entries().some((line) => line.level === "warn")).toBe(true);
  });

  it("ignores tabs it does not know", async () => {
    const { deps } = buildDeps();
    const call = homeArguments("about");
    await appHomeOpenedCallback(deps)(call.args);
    expect(call.client.views.publish).not.toHaveBeenCalled();
    expect(call.client.assistant.threads.setSuggestedPrompts).not.toHaveBeenCalled();
  });

  it("publishes an apology when the home cannot be built", async () => {
    const { deps } = buildDeps({ homeDigest: async () => Promise.reject(new Error("db down")) });
    const call = homeArguments();
    await appHomeOpenedCallback(deps)(call.args);
    expect(JSON.stringify(call.client.views.publish.mock.calls[0]?.[0])).toContain(SOMETHING_WENT_WRONG);
  });
});
