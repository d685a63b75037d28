import type { App, MessageShortcut } from "@slack/bolt";
import type { ListenerDeps } from "../../types.js";
import { ASK_ABOUT_MESSAGE, askAboutMessageCallback } from "./ask-about-message.js";

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: ASK_ABOUT_MESSAGE, type: "message_action" },
    askAboutMessageCallback(deps),
  );
}
