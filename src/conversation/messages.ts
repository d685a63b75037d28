import type { SmallTalkKind } from "./small-talk.js";

/**
 * The bot's reply to each kind of small talk: short, friendly, and ending on the example questions it
 * offers as buttons. Plain text with Slack's backtick code only.
 */
export const SMALL_TALK_TEXT: Readonly<Record<SmallTalkKind, string>> = {
  greeting:
    "Hi! I answer questions about the Ukraine–Russia peace talks, each answer with its source and date. Try one of these:",
  thanks: "You're welcome! Ask me anything else about the peace talks, for example:",
  acknowledgement: "👍 Ask me anything else about the peace talks, for example:",
  farewell: "Bye! Come back any time you want to know where the peace talks stand, for example:",
  capabilities:
    "I answer questions about the Ukraine–Russia peace talks from curated news articles: who is negotiating, what each side demands, what is scheduled. Every answer names its source and date, and when the data doesn't say, I tell you. `/talks status` sums it all up. Try one of these:",
  identity:
    "I'm talks bot. I answer questions about the Ukraine–Russia peace talks from a curated set of news articles, naming the outlet and date behind each answer. Try one of these:",
  help: "Ask me about the Ukraine–Russia peace talks in your own words: in a direct message, or by mentioning me in a channel. `/talks help` lists every command. Try one of these:",
};
