/**
 * Small talk: the messages people send a bot that are not questions about the talks ("hi", "thanks!",
 * "what can you do?", "who are you?", "help"). Decided before matching, on the whole message: a greeting
 * around a real question ("hi! who leads the Russian delegation?") is a question, and goes to the matcher.
 */

export const SMALL_TALK_KINDS = [
  "greeting",
  "acknowledgement",
  "thanks",
  "farewell",
  "capabilities",
  "identity",
  "help",
] as const;
export type SmallTalkKind = (typeof SMALL_TALK_KINDS)[number];

/**
 * Phrases of each kind, as lower-case words. A message is small talk when these phrases and the filler
 * words below cover every word of it. When a message holds several kinds ("hi, what can you do?"), the
 * one that asks something wins: the order of SMALL_TALK_KINDS, last first.
 */
export const SMALL_TALK_PHRASES: Readonly<Record<SmallTalkKind, readonly string[]>> = {
  greeting: [
    "hi",
    "hello",
    "hey",
    "heya",
    "hiya",
    "hallo",
    "howdy",
    "yo",
    "sup",
    "greetings",
    "good morning",
    "good afternoon",
    "good evening",
    "good day",
    "morning",
    "afternoon",
    "evening",
    "gm",
    "how are you",
    "how are you doing",
    "how are things",
    "how is it going",
    "how's it going",
    "hows it going",
    "how do you do",
    "what's up",
    "whats up",
    "wassup",
    "nice to meet you",
  ],
  thanks: [
    "thanks",
    "thank you",
    "thank u",
    "thanx",
    "thx",
    "ty",
    "tysm",
    "cheers",
    "many thanks",
    "much appreciated",
    "appreciate it",
    "appreciated",
    "that helps",
    "that helped",
    "that's helpful",
    "thats helpful",
    "that was helpful",
    "helpful",
  ],
  acknowledgement: [
    "ok",
    "okay",
    "k",
    "kk",
    "cool",
    "great",
    "perfect",
    "awesome",
    "nice",
    "brilliant",
    "excellent",
    "lovely",
    "wonderful",
    "got it",
    "good to know",
    "makes sense",
    "i see",
    "understood",
    "noted",
    "fair enough",
    "alright",
    "all right",
    "sure",
  ],
  farewell: [
    "bye",
    "goodbye",
    "bye bye",
    "see you",
    "see ya",
    "cya",
    "later",
    "good night",
    "have a good one",
  ],
  capabilities: [
    "what can you do",
    "what do you do",
    "what can i ask",
    "what can i ask you",
    "what should i ask",
    "what should i ask you",
    "what do you know",
    "what do you know about",
    "what are you for",
    "what are you good for",
    "what can you tell me",
    "what can you tell me about",
    "what can you help with",
    "what can you help me with",
    "how can you help",
    "how can you help me",
    "what are your capabilities",
    "what questions can you answer",
    "what do you cover",
  ],
  identity: [
    "who are you",
    "what are you",
    "who made you",
    "who built you",
    "who created you",
    "what is this",
    "what's this",
    "whats this",
    "what is this bot",
    "what is talks bot",
    "what's your name",
    "whats your name",
    "what is your name",
    "are you a bot",
    "are you human",
    "are you a human",
    "are you a person",
    "are you real",
    "are you ai",
    "are you an ai",
    "introduce yourself",
    "tell me about yourself",
  ],
  help: [
    "help",
    "help me",
    "help please",
    "please help",
    "i need help",
    "need help",
    "can you help",
    "can you help me",
    "could you help me",
    "how does this work",
    "how does it work",
    "how do you work",
    "how do i use this",
    "how do i use you",
    "how do i use it",
    "how to use this",
    "how to use you",
    "how do i ask",
    "how do i ask a question",
    "how do i ask you",
    "instructions",
    "usage",
    "commands",
    "what are the commands",
  ],
};

/** Address and filler around small talk: "hi there talks bot", "thanks so much again". */
const FILLER: ReadonlySet<string> = new Set(
  `talks bot talksbot there all team everyone everybody folks guys yall y'all people mate friend buddy so much
  very really a lot again just please pls plz oh ah hmm well lol haha and then for that this`.split(/\s+/),
);

/** Emoji that say something on their own, as Slack's shortcodes and as typed pictographs. */
const EMOJI_WORDS: ReadonlyMap<string, string> = new Map([
  [":wave:", "hi"],
  ["👋", "hi"],
  [":pray:", "thanks"],
  ["🙏", "thanks"],
  [":+1:", "ok"],
  [":thumbsup:", "ok"],
  ["👍", "ok"],
  [":ok_hand:", "ok"],
  ["👌", "ok"],
]);

/** Longest phrase first, so "thank you" is one phrase and "how are you doing" beats "how are you". */
const PHRASE_LIST: readonly { words: readonly string[]; kind: SmallTalkKind }[] = SMALL_TALK_KINDS.flatMap(
  (kind) => SMALL_TALK_PHRASES[kind].map((phrase) => ({ words: phrase.split(" "), kind })),
).sort((a, b) => b.words.length - a.words.length);

/** Past this many words a message is not small talk, whatever it holds. */
const MAX_WORDS = 16;

function wordsOf(text: string): string[] {
  let spoken = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  for (const [emoji, word] of EMOJI_WORDS) spoken = spoken.replaceAll(emoji, ` ${word} `);
  return (spoken.replace(/:[a-z0-9_+-]+:/g, " ").match(/[\p{L}\p{N}']+/gu) ?? []).map((word) =>
    word.replace(/^'+|'+$/g, ""),
  );
}

function phraseAt(words: readonly string[], start: number) {
  return PHRASE_LIST.find((phrase) => phrase.words.every((word, offset) => words[start + offset] === word));
}

/** Past this many characters a message is not small talk either (one "word" may be a whole paste). */
const MAX_CHARACTERS = 200;

/** Whether a message is short enough, and has words enough, to be small talk at all. */
export function mayBeSmallTalk(text: string): boolean {
  if (text.length > MAX_CHARACTERS) return false;
  const count = wordsOf(text).length;
  return count > 0 && count <= MAX_WORDS;
}

/**
 * What kind of small talk a message is, or null when it asks or says anything else. `text` is the
 * message's plain text (Slack markup and the bot's mention already removed).
 */
export function smallTalkKind(text: string): SmallTalkKind | null {
  if (text.length > MAX_CHARACTERS) return null;
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const kinds = new Set<SmallTalkKind>();
  let position = 0;
  while (position < words.length) {
    const phrase = phraseAt(words, position);
    if (phrase !== undefined) {
      kinds.add(phrase.kind);
      position += phrase.words.length;
    } else if (FILLER.has(words[position] as string)) {
      position += 1;
    } else {
      return null;
    }
  }
  return [...SMALL_TALK_KINDS].reverse().find((kind) => kinds.has(kind)) ?? null;
}
