import type { App } from "@slack/bolt";
import type { InFlight } from "../../lifecycle/in-flight.js";
import type { ListenerDeps } from "../types.js";
import { register as registerActions } from "./actions/index.js";
import { register as registerCommands } from "./commands/index.js";
import { register as registerEvents } from "./events/index.js";

/**
 * One Bolt listener per kind, each routing by id to the callbacks of its folder. Bolt runs every
 * registered listener's filters on every request, each with its own copy of the request's arguments,
 * so the per-request cost grows with the number of listeners, not with the number of callbacks.
 */
export function registerListeners(app: App, deps: ListenerDeps, inFlight: Pick<InFlight, "listener">): void {
  registerCommands(app, deps, inFlight);
  registerEvents(app, deps, inFlight);
  registerActions(app, deps, inFlight);
}
