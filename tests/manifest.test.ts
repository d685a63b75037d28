import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMAND } from "../src/commands/messages.js";
import { SUBSCRIBED_EVENTS } from "../src/slack/listeners/events/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const SCHEMA_PATH = resolve(ROOT, "../shared/slack/manifest.schema.1.0.0.json");
const manifest = parse(readFileSync(join(ROOT, "manifest.yml"), "utf8")) as {
  features: { slash_commands: { command: string }[]; app_home: Record<string, boolean> };
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

  it("declares exactly the command and events the app listens for", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...SUBSCRIBED_EVENTS].sort(),
    );
  });

  it("asks for the narrowest bot scopes", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      "im:history",
    ]);
  });

  it("enables interactivity, Socket Mode and the App Home's home and messages tabs", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
