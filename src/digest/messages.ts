import { formatDate } from "../answers/age.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";

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
export const quoted = (text: string) => `"${escapeMrkdwn(truncate(text, 60))}"`;

/** Why Slack refused a digest, in words, keyed by Slack's error code. */
export const DISABLED_REASONS: Record<string, string> = {
  not_in_channel: "the bot is not a member of this channel (invite it with `/invite @talks`)",
  channel_not_found: "Slack could not find this channel",
  is_archived: "the channel is archived",
};

export const DIGEST_COMMAND_MESSAGES = {
  usage: `Digest commands: \`/talks digest on [HH:MM] [time zone]\`, \`/talks digest off\`, \`/talks digest status\`, \`/talks digest preview\`. For example ${DIGEST_EXAMPLE}.`,
  badTime: (time: string) =>
    `${quoted(time)} is not a time of day. Use 24-hour HH:MM, for example ${DIGEST_EXAMPLE}.`,
  badTimeZone: (zone: string) =>
    `${quoted(zone)} is not a time zone I know. Use an IANA name such as Europe/Kyiv, America/New_York or UTC, for example ${DIGEST_EXAMPLE}.`,
  subscribed: (time: string, timeZone: string, startsToday: boolean) =>
    `This channel will get the daily digest at ${time} (${timeZone}), starting ${startsToday ? "today" : "tomorrow"}. Stop it with \`/talks digest off\`.`,
  unsubscribed: "This channel will no longer get the daily digest.",
  notSubscribedOff: "This channel does not get the daily digest, so nothing changed.",
  notSubscribed: (defaultZone: string) =>
    `This channel does not get the daily digest. Start it with \`/talks digest on\` (09:00 ${defaultZone} unless you give a time and zone), for example ${DIGEST_EXAMPLE}.`,
  statusEnabled: (time: string, timeZone: string) =>
    `This channel gets the daily digest at ${time} (${timeZone}).`,
  statusDisabled: (time: string, timeZone: string, reason: string) =>
    `The daily digest for this channel (${time}, ${timeZone}) is stopped: ${reason}. Type \`/talks digest on\` to start it again.`,
  lastDelivered: (localDate: string) => `Last delivered: ${formatDate(localDate)}.`,
  neverDelivered: "No digest has been delivered here yet.",
} as const;
