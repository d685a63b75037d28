import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { App } from "@slack/bolt";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registerListeners } from "../src/slack/listeners/index.js";
import { buildDeps } from "./helpers/slack-arguments.js";

const ROOT = resolve(import.meta.dirname, "..");
const SCHEMA_PATH = resolve(ROOT, "../shared/slack/manifest.schema.1.0.0.json");
const manifest = parse(readFileSync(join(ROOT, "manifest.yml"), "utf8")) as {
  features: {
    slash_commands: { command: string }[];
    app_home: Record<string, boolean>;
    shortcuts: { name: string; type: string; callback_id: string }[];
    agent_view?: { agent_description?: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
};

describe("manifest.yml", () => {
  it.skipIf(!existsSync(SCHEMA_PATH))(
    "validates against Slack's manifest schema (skipped when ../shared/slack/manifest.schema.1.0.0.json is absent)",
    () => {
      const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Record<string, unknown>;
      // The schema uses formats (uri, …) that only annotate; the structure is what is checked here.
      const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
      const validate = ajv.compile(schema);
      const valid = validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  /** What the app registers with Bolt, recorded from the listeners' own register functions. */
  function registered() {
    const seen = { commands: [] as unknown[], events: [] as unknown[], shortcuts: [] as unknown[] };
    const recorder = {
      command: (id: unknown) => seen.commands.push(id),
      event: (type: unknown) => seen.events.push(type),
      shortcut: (constraints: unknown) => seen.shortcuts.push(constraints),
      action: () => undefined,
    };
    registerListeners(recorder as unknown as App, buildDeps().deps);
    return seen;
  }

  // Bolt's "message" listener answers direct messages only (channel_type im): Slack's message.im event.
  const MANIFEST_EVENT: Readonly<Record<string, string>> = { message: "message.im" };

  it("declares exactly the command, events and shortcuts the app registers", () => {
    const app = registered();
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(app.commands);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      app.events.map((type) => MANIFEST_EVENT[String(type)] ?? type).sort(),
    );
    expect(
      manifest.features.shortcuts.map((s) => ({ callback_id: s.callback_id, type: `${s.type}_action` })),
    ).toEqual(app.shortcuts);
  });

  it("names the message shortcut “Ask talks about this”", () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: "Ask talks about this", type: "message" }),
    ]);
  });

  it("asks for the narrowest bot scopes: no scope that reads every channel message", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "app_mentions:read",
      "assistant:write",
      "chat:write",
      "commands",
      "im:history",
    ]);
  });

  it("turns on the agent view, with a description", () => {
    expect(manifest.features.agent_view?.agent_description).toEqual(expect.any(String));
  });

  it("enables interactivity, Socket Mode and the App Home's home and messages tabs", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
