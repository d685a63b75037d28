import { describe, expect, it, vi } from "vitest";
import { BLOCK_TEXT, SOMETHING_WENT_WRONG } from "../../../../src/blocks/messages.js";
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

  it("ignores the Messages tab", async () => {
    const { deps } = buildDeps();
    const call = homeArguments("messages");
    await appHomeOpenedCallback(deps)(call.args);
    expect(call.client.views.publish).not.toHaveBeenCalled();
  });

  it("publishes an apology when the home cannot be built", async () => {
    const { deps } = buildDeps({ homeDigest: async () => Promise.reject(new Error("db down")) });
    const call = homeArguments();
    await appHomeOpenedCallback(deps)(call.args);
    expect(JSON.stringify(call.client.views.publish.mock.calls[0]?.[0])).toContain(SOMETHING_WENT_WRONG);
  });
});
