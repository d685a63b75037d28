import { context, section } from "../blocks/text.js";
import type { SlackMessage } from "../blocks/types.js";
import type { DigestCommand } from "../commands/types.js";
import {
  DEFAULT_DIGEST_CADENCE,
  type DigestCadence,
  type DigestSubscription,
  type Storage,
} from "../storage/types.js";
import type { BuiltDigest, DigestBuilder } from "./build.js";
import { describeDisabledReason, DIGEST_COMMAND_MESSAGES as M } from "./messages.js";
import { localDateTime, parseTimeOfDay, resolveTimeZone } from "./time.js";

export const DEFAULT_DIGEST_TIME = "09:00";

/** One `/talks digest …` as the Slack layer hands it over. */
export interface DigestCommandRequest {
  teamId: string;
  channelId: string;
  userId: string;
  /** "on", "off", "status" or "preview"; anything else gets the usage. */
  subcommand: string;
  /** As typed, "HH:MM"; only for "on". */
  time?: string | null;
  /** As typed, an IANA zone; only for "on". */
  timeZone?: string | null;
  /** Only for "on"; null or absent keeps the channel's current choice. */
  cadence?: DigestCadence | null;
}

export interface DigestCommandDeps {
  storage: Storage;
  /** DIGEST_DEFAULT_TZ */
  defaultTimeZone: string;
  buildDigest: DigestBuilder;
  now: Date;
}

/** Where and when a parsed digest command was typed. */
export interface DigestCommandContext {
  teamId: string;
  channelId: string;
  userId: string;
  now: Date;
}

/** Shown ephemerally to the user who typed the command. */
export type DigestReply = SlackMessage;

const reply = (text: string): DigestReply => ({ text, blocks: [section(text)] });

async function subscribe(request: DigestCommandRequest, deps: DigestCommandDeps): Promise<DigestReply> {
  const time = request.time == null ? DEFAULT_DIGEST_TIME : parseTimeOfDay(request.time);
  if (time === null) return reply(M.badTime(request.time ?? ""));
  const timeZone = resolveTimeZone(request.timeZone ?? deps.defaultTimeZone);
  if (timeZone === null) return reply(M.badTimeZone(request.timeZone ?? deps.defaultTimeZone));
  const subscription = await deps.storage.subscribe({
    teamId: request.teamId,
    channelId: request.channelId,
    time,
    timeZone,
    cadence: request.cadence ?? null,
    createdBy: request.userId,
    now: deps.now,
  });
  // Mirrors dueLocalDate: a time already past today (or a digest already out today) waits for tomorrow.
  const local = localDateTime(deps.now, timeZone);
  const deliveredToday =
    (await deps.storage.getDelivery(request.channelId, local.date))?.state === "delivered";
  const startsToday = !deliveredToday && local.time <= time;
  return reply(M.subscribed(time, timeZone, startsToday, subscription.cadence));
}

async function status(request: DigestCommandRequest, deps: DigestCommandDeps): Promise<DigestReply> {
  const subscription = await deps.storage.getSubscription(request.channelId);
  if (subscription === null) return reply(M.notSubscribed(deps.defaultTimeZone));
  const latest = await deps.storage.latestDelivery(request.channelId);
  const state = subscription.enabled
    ? M.statusEnabled(subscription.time, subscription.timeZone, subscription.cadence)
    : M.statusDisabled(
        subscription.time,
        subscription.timeZone,
        describeDisabledReason(subscription.disabledReason),
      );
  const last =
    latest === null
      ? M.neverDelivered
      : M.lastDelivered(latest.localDate, latest.kind === "notice" ? "notice" : "digest");
  return reply(`${state}\n${last}`);
}

/** What a preview says would be posted if the digest were due now, above the full digest. */
function previewNote(built: BuiltDigest, cadence: DigestCadence): string {
  switch (built.post) {
    case "digest":
      return M.previewDigest(cadence);
    case "notice":
      return M.previewNote(built.message?.text ?? "");
    case "nothing":
      return M.previewNothing(built.lastPostDate ?? "");
  }
}

async function preview(request: DigestCommandRequest, deps: DigestCommandDeps): Promise<DigestReply> {
  const subscription = await deps.storage.getSubscription(request.channelId);
  const timeZone = subscription?.timeZone ?? resolveTimeZone(deps.defaultTimeZone) ?? "UTC";
  const cadence = subscription?.cadence ?? DEFAULT_DIGEST_CADENCE;
  const built = await deps.buildDigest(
    { teamId: request.teamId, channelId: request.channelId, timeZone, cadence },
    deps.now,
  );
  const { message } = built.digest;
  return { text: message.text, blocks: [context(previewNote(built, cadence)), ...message.blocks] };
}

/** `/talks digest on|off|status|preview` for the channel it was typed in. */
export async function handleDigestCommand(
  request: DigestCommandRequest,
  deps: DigestCommandDeps,
): Promise<DigestReply> {
  switch (request.subcommand.toLowerCase()) {
    case "on":
      return subscribe(request, deps);
    case "off":
      return reply((await deps.storage.unsubscribe(request.channelId)) ? M.unsubscribed : M.notSubscribedOff);
    case "status":
      return status(request, deps);
    case "preview":
      return preview(request, deps);
    default:
      return reply(M.usage);
  }
}

/**
 * The Slack layer's `deps.digest` hook: the router's parsed command plus where it was typed, answered by
 * handleDigestCommand with the clock of the request.
 */
export function createDigestCommandHandler(
  deps: Omit<DigestCommandDeps, "now">,
): (command: DigestCommand, context: DigestCommandContext) => Promise<DigestReply> {
  return (command, context) =>
    handleDigestCommand(
      {
        teamId: context.teamId,
        channelId: context.channelId,
        userId: context.userId,
        subcommand: command.action,
        ...(command.action === "on"
          ? { time: command.time, timeZone: command.timeZone, cadence: command.cadence }
          : {}),
      },
      { ...deps, now: context.now },
    );
}

/** The Slack layer's `deps.homeDigest` hook: a workspace's subscriptions for its App Home. */
export function createHomeDigestLoader(
  storage: Storage,
): (teamId: string) => Promise<{ subscriptions: DigestSubscription[] }> {
  return async (teamId) => ({ subscriptions: await storage.listSubscriptions({ teamId }) });
}
