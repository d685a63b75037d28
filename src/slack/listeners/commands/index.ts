import type { App } from "@slack/bolt";
import { COMMAND } from "../../../commands/messages.js";
import type { InFlight } from "../../../lifecycle/in-flight.js";
import type { ListenerDeps } from "../../types.js";
import { talksCommandCallback } from "./talks-command.js";

export function register(app: App, deps: ListenerDeps, inFlight: Pick<InFlight, "listener">): void {
  app.command(COMMAND, inFlight.listener(talksCommandCallback(deps)));
}
