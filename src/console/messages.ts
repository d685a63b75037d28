export const CONSOLE_BANNER =
  "talks bot local console: no Slack credentials are set (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET, or SLACK_APP_TOKEN), so nothing is sent to Slack.";

export const CONSOLE_USAGE =
  "Type /talks status, /talks help, /talks <question>, @talks <question> or just a question. Ctrl-D quits.";

export const CONSOLE_PROMPT = "talks> ";

export const CONSOLE_PICK_SUGGESTION = (count: number) =>
  count === 1
    ? "Type 1 to ask the suggested question."
    : `Type a number from 1 to ${count} to ask a suggested question.`;

export const CONSOLE_DIGEST =
  "The digest posts to Slack channels, so subscribing needs Slack: type `/talks digest on` in the channel. Here, `/talks digest preview` shows the digest as a channel would get it now, and `/talks digest status` the channels subscribed in this store.";

/** `digest status` in the console: the console is one local channel, and never subscribed. */
export const CONSOLE_DIGEST_STATUS = {
  intro:
    "The local console is one local channel, not a Slack channel, so it gets no digest itself. `/talks digest preview` shows the digest it would get now.",
  none: "No Slack channel is subscribed in this store.",
  subscribedIntro: (count: number) =>
    `${count === 1 ? "One Slack channel is" : `${count} Slack channels are`} subscribed in this store:`,
} as const;

/** The console's channel and workspace, as the digest commands and the question log see them. */
export const CONSOLE_CHANNEL = {
  teamId: "local-console",
  channelId: "local-console",
  userId: "local-user",
} as const;

export const CONSOLE_ERROR = "Something went wrong answering that (details are in the log).";
