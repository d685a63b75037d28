import { formatDate } from "../answers/age.js";
import { escapeUserText, truncate } from "../blocks/text.js";
import type { DigestCadence } from "../storage/types.js";

/** Every sentence the digest and its commands say; tests import these rather than copy them. */
export const DIGEST_MESSAGES = {
  header: (weekday: string, localDate: string) => `Talks digest — ${weekday} ${formatDate(localDate)}`,
  statusTitle: "Where the talks stand",
  changesTitle: "What changed in the data",
  firstDigest: "This is the channel's first digest, so there is no earlier one to compare with.",
  noChanges: (since: string) =>
    `Nothing in the data has changed since the previous digest (${formatDate(since)}).`,
  changesSince: (since: string) => `Since the previous digest (${formatDate(since)}):`,
  added: "New",
  updated: "Updated",
  statusUpdated: "Where the talks stand has been updated (`/talks status`).",
  timelineUpdated: "The timeline of dated events has changed (`/talks timeline`).",
  /** The weekly one-line note of a "changes only" channel whose data has not changed. */
  noNewsSince: (since: string | null, newestDate: string, newestAgo: string) =>
    `No new information${since === null ? "" : ` since the digest of ${formatDate(since)}`}: the newest in the data is from ${formatDate(newestDate)}, ${newestAgo}.`,
  removedCount: (count: number) => `${count} ${count === 1 ? "entry was" : "entries were"} removed.`,
  moreChanges: (count: number) => `…and ${count} more.`,
  upcomingTitle: "Coming up",
  noUpcoming: (latestDate: string) =>
    `The data has no scheduled events after its latest date, ${formatDate(latestDate)}.`,
  questionsTitle: "Asked in this workspace in the last day",
  noQuestions: "No questions were asked in this workspace in the last day.",
  questionTotals: (total: number, unanswered: number) =>
    `${total} ${total === 1 ? "question" : "questions"}, ${unanswered} unanswered.`,
  askedTimes: (count: number) => (count === 1 ? "once" : `${count} times`),
} as const;

export const DIGEST_EXAMPLE = "`/talks digest on 09:00 Europe/Kyiv`";

/** A word the user typed, quoted back safely (no pings, no markup) and kept short. */
export const quoted = (text: string) => `"${escapeUserText(truncate(text, 60))}"`;

/** Why Slack refused a digest, in words, keyed by Slack's error code. */
export const DISABLED_REASONS: Record<string, string> = {
  not_in_channel: "the bot is not a member of this channel (invite it with `/invite @talks`)",
  channel_not_found: "Slack could not find this channel",
  is_archived: "the channel is archived",
};

/** Said of a stop whose code has no words of its own (or none was recorded). */
export const UNKNOWN_DISABLED_REASON = "Slack refused to post the digest in this channel";

/** Why a subscription stopped, in words: never Slack's bare code. */
export function describeDisabledReason(reason: string | null): string {
  return (
    (reason !== null && Object.hasOwn(DISABLED_REASONS, reason) ? DISABLED_REASONS[reason] : undefined) ??
    UNKNOWN_DISABLED_REASON
  );
}

/** How each cadence is said in a sentence, and in a list (the App Home). */
export const CADENCE_TEXT: Readonly<Record<DigestCadence, { sentence: string; short: string }>> = {
  changes: {
    sentence:
      "only on days the data has changed since the channel's previous digest (otherwise a one-line note at most once a week)",
    short: "changes only",
  },
  daily: { sentence: "every day", short: "every day" },
};

const OTHER_CADENCE_HINT: Readonly<Record<DigestCadence, string>> = {
  changes: "For a digest every day, type `/talks digest on daily`.",
  daily: "For a digest only when the data changes, type `/talks digest on changes`.",
};

export const DIGEST_COMMAND_MESSAGES = {
  usage: `Digest commands: \`/talks digest on [HH:MM] [time zone] [daily|changes]\`, \`/talks digest off\`, \`/talks digest status\`, \`/talks digest preview\`. For example ${DIGEST_EXAMPLE}.`,
  badTime: (time: string) =>
    `${quoted(time)} is not a time of day. Use 24-hour HH:MM, for example ${DIGEST_EXAMPLE}.`,
  badTimeZone: (zone: string) =>
    `${quoted(zone)} is not a time zone I know. Use an IANA name such as Europe/Kyiv, America/New_York or UTC, for example ${DIGEST_EXAMPLE}.`,
  subscribed: (time: string, timeZone: string, startsToday: boolean, cadence: DigestCadence) =>
    `This channel will get the digest at ${time} (${timeZone}), ${CADENCE_TEXT[cadence].sentence}, starting ${startsToday ? "today" : "tomorrow"}. ${OTHER_CADENCE_HINT[cadence]} Stop it with \`/talks digest off\`.`,
  unsubscribed: "This channel will no longer get the daily digest.",
  notSubscribedOff: "This channel does not get the daily digest, so nothing changed.",
  notSubscribed: (defaultZone: string) =>
    `This channel does not get the digest. Start it with \`/talks digest on\` (09:00 ${defaultZone}, only when the data changes, unless you give a time, a zone or \`daily\`), for example ${DIGEST_EXAMPLE}.`,
  statusEnabled: (time: string, timeZone: string, cadence: DigestCadence) =>
    `This channel gets the digest at ${time} (${timeZone}), ${CADENCE_TEXT[cadence].sentence}. ${OTHER_CADENCE_HINT[cadence]}`,
  statusDisabled: (time: string, timeZone: string, reason: string) =>
    `The daily digest for this channel (${time}, ${timeZone}) is stopped: ${reason}. Type \`/talks digest on\` to start it again.`,
  lastDelivered: (localDate: string, kind: "digest" | "notice") =>
    `Last posted: ${formatDate(localDate)} (${kind === "notice" ? "the one-line note" : "the full digest"}).`,
  previewDigest: (cadence: DigestCadence) =>
    cadence === "daily"
      ? "Preview: if the digest were due now, this channel would get the full digest below, as it does every day."
      : "Preview: if the digest were due now, this channel would get the full digest below: it has had none yet, or the data has changed since its previous one.",
  previewNote: (note: string) =>
    `Preview: nothing has changed since this channel's previous digest, so if the digest were due now it would get only this line:\n> ${note}\nThe full digest would read:`,
  previewNothing: (lastPostDate: string) =>
    `Preview: nothing has changed since this channel's previous digest, and it last heard from the digest on ${formatDate(lastPostDate)}, less than a week ago, so if the digest were due now it would get nothing. The full digest would read:`,
  neverDelivered: "No digest has been delivered here yet.",
} as const;
