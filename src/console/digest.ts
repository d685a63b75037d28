import { section } from "../blocks/text.js";
import type { SlackMessage } from "../blocks/types.js";
import type { DigestCommand } from "../commands/types.js";
import type { DigestBuilder } from "../digest/build.js";
import { handleDigestCommand } from "../digest/commands.js";
import { CADENCE_TEXT, describeDisabledReason } from "../digest/messages.js";
import type { Storage } from "../storage/types.js";
import { CONSOLE_CHANNEL, CONSOLE_DIGEST, CONSOLE_DIGEST_STATUS } from "./messages.js";

export interface ConsoleDigestDeps {
  storage: Storage;
  buildDigest: DigestBuilder;
  /** DIGEST_DEFAULT_TZ: the zone the local channel's digest is dated in. */
  defaultTimeZone: string;
}

/** The subscriptions in the store, one line each, as a curator checking on them wants to see them. */
async function statusOfStore(storage: Storage): Promise<SlackMessage> {
  const subscriptions = await storage.listSubscriptions();
  const lines = subscriptions.map((subscription) => {
    const state = subscription.enabled
      ? ""
      : `, stopped: ${describeDisabledReason(subscription.disabledReason)}`;
    return `• ${subscription.channelId} (${subscription.teamId}) at ${subscription.time} ${subscription.timeZone}, ${CADENCE_TEXT[subscription.cadence].short}${state}`;
  });
  const text = [
    CONSOLE_DIGEST_STATUS.intro,
    lines.length === 0 ? CONSOLE_DIGEST_STATUS.none : CONSOLE_DIGEST_STATUS.subscribedIntro(lines.length),
    ...lines,
  ].join("\n");
  return { text, blocks: [section(text)] };
}

/**
 * `/talks digest …` in the local console, which is one local channel: `preview` shows the digest that
 * channel would get now, `status` the subscriptions in the store. Subscribing is for Slack channels,
 * where digests are posted.
 */
export async function consoleDigestReply(
  command: DigestCommand,
  deps: ConsoleDigestDeps,
  now: Date,
): Promise<SlackMessage> {
  switch (command.action) {
    case "preview":
      return handleDigestCommand(
        { ...CONSOLE_CHANNEL, subcommand: "preview" },
        { storage: deps.storage, defaultTimeZone: deps.defaultTimeZone, buildDigest: deps.buildDigest, now },
      );
    case "status":
      return statusOfStore(deps.storage);
    case "on":
    case "off":
      return { text: CONSOLE_DIGEST, blocks: [section(CONSOLE_DIGEST)] };
  }
}
