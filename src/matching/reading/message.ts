import type { ItemSentence, ItemToken } from "wink-nlp";
import { wink } from "../../nlp/wink.js";
import { readSlackText } from "./slack-text.js";

/** One way to read one question of a message; the readings of a question compete, the best one counts. */
export interface Reading {
  text: string;
  /** Which question of the message this reads (0-based, in the order asked). */
  question: number;
}

export interface ReadMessage {
  /** The message's words without Slack markup (for language detection and logging). */
  plainText: string;
  readings: Reading[];
  /** How many questions the message asks (at least 1 when it has any words). */
  questions: number;
}

/**
 * How much of a message is read: all of it ("full"); only its Slack markup removed, read as one question
 * ("markup"); or as typed ("raw"). Less than full exists to measure what reading adds (the ablation).
 */
export type ReadingDepth = "full" | "markup" | "raw";

/** Enough for a long message with background; a pasted essay costs no more than this. */
export const MAX_MESSAGE_CHARS = 2000;
/** A message rarely asks more than two things; the rest is background. */
const MAX_QUESTIONS = 3;

/** Words that open a question: wh-words, auxiliaries ("is there…"), "anyone know…", "any news on…". */
const INTERROGATIVES: ReadonlySet<string> = new Set(
  `what whats what's which who whos who's whom whose when whens when's where wheres where's why whys how hows
  how's is isn't are aren't was wasn't were weren't do does doesn't did didn't has hasn't have haven't had
  can can't could couldn't will won't would wouldn't should shouldn't any anyone anybody anything wat wut wen`.split(
    /\s+/,
  ),
);

/** Tokens after which a new clause may start: punctuation, and conjunctions or interjections. */
const CLAUSE_BREAK_TAGS: ReadonlySet<string> = new Set(["PUNCT", "CCONJ", "INTJ", "SYM"]);
/** Words that lead into a question the way a conjunction does ("so what are…", "ok who leads…"). */
const CLAUSE_BREAK_WORDS: ReadonlySet<string> = new Set([
  "so",
  "but",
  "and",
  "or",
  "then",
  "ok",
  "okay",
  "anyway",
  "well",
]);

/**
 * Greetings, address and filler that open a chat message ("hey all,", "good morning!", "quick q —", "ok
 * so"): they say nothing about what is asked, and only blur a question's meaning.
 */
const OPENERS: ReadonlySet<string> = new Set(
  `hi hey heyy heya hiya hello yo morning evening afternoon good ok okay so well quick q question sorry
  thanks thank please pls just random sanity check`.split(/\s+/),
);
/**
 * Who a message is addressed to ("hey all,", "team:", "talks, …"): an opener only after a greeting or
 * before punctuation, since the same words can be what the question is about ("People keep calling it…",
 * "talks in Istanbul?").
 */
const ADDRESSES: ReadonlySet<string> = new Set(
  "all folks everyone everybody team guys people yall bot talks talksbot".split(" "),
);
const OPENER_TAGS: ReadonlySet<string> = new Set(["INTJ", "PUNCT", "SYM"]);

/** A sentence without its opening greeting and filler (empty when that is all it was: "morning!"). */
function withoutOpeners(tokens: readonly Token[]): Token[] {
  const isOpener = (position: number) => {
    const token = tokens[position] as Token;
    if (OPENER_TAGS.has(token.pos) || OPENERS.has(token.normal)) return true;
    return ADDRESSES.has(token.normal) && (position > 0 || tokens[position + 1]?.pos === "PUNCT");
  };
  let start = 0;
  while (start < tokens.length && isOpener(start)) start += 1;
  const kept = tokens.slice(start);
  return kept.some((token) => !OPENER_TAGS.has(token.pos)) ? kept : [];
}

interface Token {
  value: string;
  normal: string;
  pos: string;
  spaces: string;
  /** A word or a number, not punctuation or a symbol. */
  wordy: boolean;
}

/** wink-nlp's token types that carry words. */
const WORDY_TYPES: ReadonlySet<string> = new Set(["word", "number", "ordinal", "hashtag"]);

const textOf = (tokens: readonly Token[]) =>
  tokens
    .map((token, index) => (index === 0 ? token.value : `${token.spaces}${token.value}`))
    .join("")
    .trim();

/** Conjunctions and punctuation left dangling at a clause's end ("…delegation, and"). */
function trimEnd(tokens: Token[]): Token[] {
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1]?.pos === "CCONJ" || tokens[end - 1]?.pos === "PUNCT")) end -= 1;
  const last = tokens[tokens.length - 1];
  const kept = tokens.slice(0, end);
  // Keep a final question mark: it still says the clause is a question.
  return last?.value === "?" && end < tokens.length ? [...kept, last] : kept;
}

/**
 * The questions in one sentence: each clause that opens with an interrogative word after a break
 * ("sorry if this is a dumb q but what is Russia demanding?", "who heads it, and why is it low-level?").
 * A sentence that ends in "?" but opens no clause is one question as it stands.
 */
function questionClauses(tokens: readonly Token[]): Token[][] {
  const starts: number[] = [];
  tokens.forEach((token, index) => {
    if (!INTERROGATIVES.has(token.normal)) return;
    const previous = tokens[index - 1];
    if (
      previous !== undefined &&
      !CLAUSE_BREAK_TAGS.has(previous.pos) &&
      !CLAUSE_BREAK_WORDS.has(previous.normal)
    ) {
      return;
    }
    // "When and where is it?" is one question: a clause of a question word and a conjunction asks nothing.
    const last = starts[starts.length - 1];
    if (last !== undefined && index - last <= 2) return;
    starts.push(index);
  });
  // "…demand? )": a question mark among the closing punctuation still asks.
  const asks = tokens
    .slice(tokens.findLastIndex((token) => token.wordy))
    .some((token) => token.value === "?");
  if (starts.length === 0) return asks && tokens.some((token) => token.wordy) ? [trimEnd([...tokens])] : [];
  return starts
    .map((start, position) => trimEnd(tokens.slice(start, starts[position + 1] ?? tokens.length)))
    .filter((clause) => clause.some((token) => token.wordy) && (clause.length > 1 || asks));
}

/**
 * Reads a Slack message the way a colleague would: markup and mentions gone, greetings and background
 * set apart from the question or questions it asks. Each question gets a few readings (the clause alone,
 * with the quoted lines it refers to, with the sentences before it), so background never sinks the match
 * and "is that true?" under a quote still has something to match.
 */
export function readMessage(raw: string, depth: ReadingDepth = "full"): ReadMessage {
  if (depth === "raw") {
    const text = raw.slice(0, MAX_MESSAGE_CHARS).trim();
    return {
      plainText: text,
      readings: text === "" ? [] : [{ text, question: 0 }],
      questions: text === "" ? 0 : 1,
    };
  }
  const { text, quoted } = readSlackText(raw.slice(0, MAX_MESSAGE_CHARS));
  if (depth === "markup") {
    const whole = [...quoted, text].join(" ").trim();
    return {
      plainText: whole,
      readings: whole === "" ? [] : [{ text: whole, question: 0 }],
      questions: whole === "" ? 0 : 1,
    };
  }
  const sentences: Token[][] = [];
  const nlp = wink();
  const its = nlp.its;
  nlp
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence) => {
      const tokens: Token[] = [];
      sentence.tokens().each((token: ItemToken) => {
        const type = token.out(its.type);
        // A line break inside a sentence is white space, not a word.
        if (type === "tabCRLF" || token.out(its.pos) === "SPACE") return;
        tokens.push({
          value: token.out(its.value),
          normal: token.out(its.normal),
          pos: token.out(its.pos),
          spaces: token.out(its.precedingSpaces),
          wordy: WORDY_TYPES.has(type),
        });
      });
      const kept = withoutOpeners(tokens);
      if (kept.length > 0) sentences.push(kept);
    });

  const context = quoted.join(" ");
  const withContext = (clause: string) => (context === "" ? [] : [`${context} ${clause}`]);
  const readings: Reading[] = [];
  let questions = 0;
  sentences.forEach((sentence, position) => {
    const clauses = questionClauses(sentence);
    if (clauses.length === 0) return;
    const previous = sentences[position - 1];
    const before = sentences.slice(0, position).map(textOf).join(" ");
    const sentenceText = textOf(sentence);
    clauses.forEach((clause, clauseIndex) => {
      if (questions >= MAX_QUESTIONS) return;
      const clauseText = textOf(clause);
      const texts = [clauseText, ...withContext(clauseText)];
      if (sentenceText !== clauseText && clauses.length === 1) texts.push(sentenceText);
      // "There's another round coming up. When is it?": what "it" is, is said just before.
      if (previous !== undefined) texts.push(`${textOf(previous)} ${clauseText}`);
      if (before !== "") texts.push(`${before} ${clauseText}`);
      // "What about Crimea, does Ukraine want that back too?": "that" is in the clause before.
      const clauseBefore = clauses[clauseIndex - 1];
      if (clauseBefore !== undefined) texts.push(`${textOf(clauseBefore)} ${clauseText}`);
      for (const reading of new Set(texts)) readings.push({ text: reading, question: questions });
      questions += 1;
    });
  });
  if (questions === 0 && (text !== "" || context !== "")) {
    // No sentence asks anything ("ceasefire status", "tell me about the talks"): read it all as one.
    for (const reading of new Set([text, ...withContext(text)])) {
      if (reading.trim() !== "") readings.push({ text: reading.trim(), question: 0 });
    }
    questions = readings.length > 0 ? 1 : 0;
  }
  return { plainText: [context, text].filter((part) => part !== "").join("\n"), readings, questions };
}
