import type { AgeContext } from "../answers/age.js";
import { CADENCE_TEXT, describeDisabledReason } from "../digest/messages.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { DigestSubscription } from "../storage/types.js";
import { helpBlocks } from "./help.js";
import { BLOCK_TEXT } from "./messages.js";
import { statusBlocks } from "./status.js";
import { divider, escapeMrkdwn, fitBlocks, LIMITS, section } from "./text.js";
import type { Block, HomeView } from "./types.js";

/** What the App Home shows of the digest; absent until a digest store exists. */
export interface HomeDigestSettings {
  subscriptions: readonly Pick<
    DigestSubscription,
    "channelId" | "time" | "timeZone" | "cadence" | "enabled" | "disabledReason"
  >[];
}

function digestBlocks(digest: HomeDigestSettings): Block[] {
  if (digest.subscriptions.length === 0)
    return [section(`*${BLOCK_TEXT.digestTitle}*\n${BLOCK_TEXT.digestNone}`)];
  const lines = digest.subscriptions.map((subscription) => {
    const paused = subscription.enabled
      ? ""
      : ` — ${BLOCK_TEXT.digestPaused(describeDisabledReason(subscription.disabledReason))}`;
    // Channel ids come from Slack, never from user text, so the channel link is safe to render.
    const channel = /^[A-Z0-9]+$/.test(subscription.channelId)
      ? `<#${subscription.channelId}>`
      : escapeMrkdwn(subscription.channelId);
    const cadence = CADENCE_TEXT[subscription.cadence].short;
    return `• ${channel} at ${escapeMrkdwn(subscription.time)} ${escapeMrkdwn(subscription.timeZone)}, ${cadence}${paused}`;
  });
  return [section(`*${BLOCK_TEXT.digestTitle}*\n${lines.join("\n")}`)];
}

/** The App Home tab: the status card, how to use the bot, and the digest settings once they exist. */
export function buildHomeView(kb: KnowledgeBase, age: AgeContext, digest?: HomeDigestSettings): HomeView {
  const blocks: Block[] = [
    ...statusBlocks(kb, age),
    divider(),
    ...helpBlocks(),
    ...(digest === undefined ? [] : [divider(), ...digestBlocks(digest)]),
  ];
  return { type: "home", blocks: fitBlocks(blocks, LIMITS.homeBlocks, BLOCK_TEXT.omitted) };
}
