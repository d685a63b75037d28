import type { App } from "@slack/bolt";
import { COMMAND } from "../../../commands/messages.js";
import type { ListenerDeps } from "../../types.js";
import { talksCommandCallback } from "./talks-command.js";

export function register(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, talksCommandCallback(deps));
}
