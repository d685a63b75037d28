import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../types.js";
import { appHomeOpenedCallback } from "./app-home-opened.js";
import { appMentionCallback } from "./app-mention.js";
import { directMessageCallback } from "./direct-message.js";

/** The events subscribed in manifest.yml; a test keeps the two lists equal. */
export const SUBSCRIBED_EVENTS = ["app_mention", "message.im", "app_home_opened"] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.event("app_mention", appMentionCallback(deps));
  app.event("message", directMessageCallback(deps));
  app.event("app_home_opened", appHomeOpenedCallback(deps));
}
