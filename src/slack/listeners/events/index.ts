import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { InFlight } from "../../../lifecycle/in-flight.js";
import type { ListenerDeps } from "../../types.js";
import { type AppHomeOpenedArgs, appHomeOpenedCallback } from "./app-home-opened.js";
import { type AppMentionArgs, appMentionCallback } from "./app-mention.js";
import { directMessageCallback, type MessageArgs } from "./direct-message.js";

/** The events subscribed in manifest.yml; a test keeps the two lists equal. */
export const SUBSCRIBED_EVENTS = ["app_mention", "message.im", "app_home_opened"] as const;

/** The event types those subscriptions deliver (`message.im` arrives as a `message`). */
const EVENT_TYPES = /^(?:app_mention|message|app_home_opened)$/;

type AnyEventArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<string>;

/**
 * What Bolt's ignoreSelf skips (the app turns it off, see slack/app.ts): the bot's own messages and
 * anything its own user did, so the bot never answers itself.
 */
export function isFromThisBot({ event, context }: Pick<AnyEventArgs, "event" | "context">): boolean {
  const { botId, botUserId } = context;
  if (botId !== undefined && "bot_id" in event && event.bot_id === botId) return true;
  return botUserId !== undefined && "user" in event && event.user === botUserId;
}

export function register(app: App, deps: ListenerDeps, inFlight: Pick<InFlight, "listener">): void {
  const appMention = appMentionCallback(deps);
  const directMessage = directMessageCallback(deps);
  const appHomeOpened = appHomeOpenedCallback(deps);
  app.event(
    EVENT_TYPES,
    inFlight.listener(async (args: AnyEventArgs) => {
      if (isFromThisBot(args)) return;
      // Bolt types a pattern-matched event loosely; the type checked here is what each callback takes.
      switch (args.event.type) {
        case "app_mention":
          return appMention(args as unknown as AppMentionArgs);
        case "message":
          return directMessage(args as unknown as MessageArgs);
        case "app_home_opened":
          return appHomeOpened(args as unknown as AppHomeOpenedArgs);
      }
    }),
  );
}
