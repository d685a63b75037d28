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
  "The daily digest posts to Slack channels, so it needs Slack credentials; the console cannot set one up.";

export const CONSOLE_ERROR = "Something went wrong answering that (details are in the log).";
