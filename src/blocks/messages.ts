/** Every user-facing string of the Block Kit builders; tests import these. */
export const BLOCK_TEXT = {
  helpfulPrompt: "Was this helpful?",
  helpfulYes: "👍 Yes",
  helpfulNo: "👎 No",
  share: "Share in channel",
  suggestionsIntro: "Maybe one of these?",
  escalate: "🙋 Ask a person",
  escalatePrompt: "Not what you were looking for? A person can answer it.",
  /** Opens each warning line: old information, a scheduled date gone by. */
  noticeIcon: "⚠️",
  youAsked: "You asked",
  /** Echoes the message "Ask talks about this" was used on. */
  aboutMessage: "About the message",
  sharedBy: (userId: string) => `Shared by <@${userId}>`,
  omitted: "Some items did not fit in one message.",
  statusTitle: "Where the talks stand",
  ukraine: "Ukraine",
  russia: "Russia",
  nextScheduled: "Next scheduled",
  nothingScheduled: "The data has no scheduled event.",
  nextEventAhead: (label: string, date: string, asOf: string) => `${label} on ${date}, as of ${asOf}`,
  nextEventPassed: (label: string, date: string) =>
    `${label} on ${date}, a date that has passed; the data has nothing scheduled after it`,
  latest: "Latest developments",
  timelineTitle: "Timeline of the talks",
  upcoming: "upcoming",
  sourcesTitle: "Sources behind the answers",
  sourcesFooter: (documents: number) =>
    `${documents} ${documents === 1 ? "document" : "documents"}. Every answer names the document it comes from, its date and the outlets that document cites.`,
  cites: "cites",
  helpTitle: "How to use talks bot",
  digestTitle: "Digest",
  digestNone: "No channel gets the digest yet. Type `/talks digest on` in a channel to start one.",
  /** `reason` is in words (describeDisabledReason), already safe for mrkdwn. */
  digestPaused: (reason: string) => `paused: ${reason}; type \`/talks digest on\` there to resume`,
} as const;

/**
 * The placeholder in usage lines. Written as entities: Slack reads a raw `<question>` as a link (or
 * drops it), even inside backticks. The console turns the entities back into `<` and `>`.
 */
export const QUESTION_PLACEHOLDER = "&lt;question&gt;";

export const HELP_LINES = [
  "`/talks status` — where the talks stand: each side's position, what is scheduled, the latest news.",
  `\`/talks ${QUESTION_PLACEHOLDER}\` or \`/talks ask ${QUESTION_PLACEHOLDER}\` — a sourced answer, e.g. \`/talks what does Russia demand?\``,
  "`/talks timeline` — the dated events behind the talks.",
  "`/talks sources` — the documents and outlets the answers come from.",
  "`/talks digest on [HH:MM] [time zone] [daily|changes]` — a summary in this channel when the data changes, or every day (`off`, `status`, `preview` too).",
  `\`@talks ${QUESTION_PLACEHOLDER}\` in a channel — the answer in a thread. Or send me a direct message.`,
] as const;

export const HELP_FOOTER =
  "Answers come only from curated, dated sources; when I don't know, I say so and suggest questions I can answer.";

export const unrecognisedCommand = (text: string) => `I didn't recognise "${text}". Here is what I can do:`;

export const MENTION_HOW_TO =
  "Ask me about the Ukraine–Russia peace talks: mention me with a question, e.g. `@talks what is Ukraine's position?`, or type `/talks help`.";

export const DIGEST_NOT_AVAILABLE =
  "The daily digest is not set up in this version of talks bot, so nothing was changed.";

export const DIGEST_NEEDS_SLASH_COMMAND =
  "The daily digest is set up with the slash command in the channel that should get it: `/talks digest on`.";

/** The message shortcut was used on a message with no text (only files or attachments). */
export const SHORTCUT_NO_TEXT =
  "That message has no text I can read, so I can't answer about it. Ask me with `/talks` followed by your question.";

export const SOMETHING_WENT_WRONG =
  "Sorry, something went wrong on my side and I could not answer that. Please try again in a moment.";

export const FEEDBACK_THANKS = {
  helpful: "Thanks, glad it helped.",
  unhelpful: "Thanks for telling me. The people who curate my answers will look at it.",
} as const;

export const ANSWER_NO_LONGER_AVAILABLE = `That answer is no longer in my data. Try asking again with \`/talks ${QUESTION_PLACEHOLDER}\`.`;

/** "Ask a person": what the escalation channel reads, and what the person who asked is told. */
export const ESCALATION_TEXT = {
  title: "A question for a person",
  askedIn: (userId: string | null, channelId: string | null) =>
    `${userId === null ? "Someone" : `<@${userId}>`} asked talks bot ${
      channelId === null || channelId.startsWith("D") ? "in a direct message" : `in <#${channelId}>`
    }:`,
  footer:
    "talks bot has no answer to this in its data. Reply in a thread here, and let the person who asked know.",
  passedOn: (channelId: string) =>
    `I've posted your question in <#${channelId}> for a person to answer; look for a reply there.`,
  failed: "Sorry, I couldn't pass your question on to a person. Please try again in a moment.",
  unavailable: "Asking a person isn't set up here any more, so your question was not passed on.",
} as const;
