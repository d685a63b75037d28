import type { EntityReader } from "./entities.js";
import { LIGHT_WORDS, MONTHS, QUESTION_WORDS, SPELLING_VARIANTS, STOP_WORDS } from "./lexicon.js";
import { contentTokens, contentWords, MAX_QUESTION_CHARS, normaliseWords, type Token } from "./normalise.js";
import type { SpellingCorrector } from "./spelling.js";
import { isTopicWord, toTerm } from "./synonyms.js";

/** How a query word was understood. */
export type TermKind = "known" | "corrected" | "light" | "unknown";

export interface QueryTerm {
  term: string;
  kind: TermKind;
  /** Whether the word places the question in the subject (see TOPIC_WORDS). */
  topic: boolean;
  /** An unknown word that is an everyday English word ("pasta"), not a name or a typo. */
  everyday: boolean;
}

export interface AnalysedQuery {
  /** Every word as read (spelling corrected, entity aliases as names): what the meaning signal reads. */
  text: string;
  /** The content words as read (after spelling correction): the question's normalised form. */
  words: string[];
  /** Distinct terms, first occurrence first. */
  terms: QueryTerm[];
  /** Entities the question names, by name or alias. */
  mentions: ReadonlySet<string>;
}

/** The generic words' terms: they weigh a small fixed amount wherever they appear. */
export const LIGHT_TERMS: ReadonlySet<string> = new Set([...LIGHT_WORDS].map(toTerm));

/** Never more distinct terms than this from one query: the rest of a pasted essay is ignored. */
export const MAX_QUERY_TERMS = 30;
const MIN_COMPOUND_PART = 3;

export interface QueryReader {
  /** Every word of the curated text, the entity table and the lexicon, spelt right. */
  vocabulary: ReadonlySet<string>;
  /** Everyday English words: never "corrected" into a word of the data. */
  english: ReadonlySet<string>;
  /** Every term the index holds. */
  knownTerms: ReadonlySet<string>;
  /** Terms that place a question in the subject besides the lexicon's (outlets, entity names). */
  topicTerms: ReadonlySet<string>;
  speller: SpellingCorrector;
  entities: EntityReader;
}

type Spelling = "typed" | "corrected";

function isReadable(word: string, reader: QueryReader): boolean {
  return (
    /\d/.test(word) ||
    STOP_WORDS.has(word) ||
    QUESTION_WORDS.has(word) ||
    LIGHT_WORDS.has(word) ||
    reader.vocabulary.has(word) ||
    reader.english.has(word) ||
    reader.knownTerms.has(toTerm(word))
  );
}

function isContentWord(word: string, reader: QueryReader): boolean {
  return reader.vocabulary.has(word) && !STOP_WORDS.has(word) && !LIGHT_WORDS.has(word);
}

/** "lowlevel" → "low level", "peacetalks" → "peace talks": two known words run together. */
function splitCompound(word: string, reader: QueryReader): [string, string] | null {
  for (let cut = MIN_COMPOUND_PART; cut <= word.length - MIN_COMPOUND_PART; cut += 1) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (isContentWord(head, reader) && isContentWord(tail, reader)) {
      return [head, tail];
    }
  }
  return null;
}

/** One typed word as the reader takes it: as typed, spelling-corrected, or split in two. */
function readWord(word: string, reader: QueryReader): Token<Spelling>[] {
  if (isReadable(word, reader)) return [{ word, tag: "typed" }];
  const corrected = reader.speller.correct(word);
  if (corrected !== null) return [{ word: SPELLING_VARIANTS[corrected] ?? corrected, tag: "corrected" }];
  const parts = splitCompound(word, reader);
  if (parts !== null) return parts.map((part) => ({ word: part, tag: "corrected" }));
  return [{ word, tag: "typed" }];
}

const mergeSpelling = (tags: Spelling[]): Spelling => (tags.includes("corrected") ? "corrected" : "typed");

export interface CuratedText {
  /** Every word, entity aliases read as names (as AnalysedQuery.text). */
  text: string;
  terms: string[];
  mentions: ReadonlySet<string>;
}

/** Curated text as the index stores it: entity aliases read as names, no spelling correction. */
export function curatedTerms(text: string, entities: EntityReader): CuratedText {
  return curatedTermsOfWords(normaliseWords(text), entities);
}

/** curatedTerms of text already normalised (normaliseWords). */
export function curatedTermsOfWords(normalised: readonly string[], entities: EntityReader): CuratedText {
  const read = entities.read(
    normalised.map((word) => ({ word, tag: null })),
    () => null,
  );
  const words = read.tokens.map((token) => token.word);
  return { text: words.join(" "), terms: contentWords(words).map(toTerm), mentions: read.mentions };
}

/**
 * Reads a question the way the index was built: normalise, correct spelling against the vocabulary, read
 * entity aliases as names, rewrite phrases, drop filler, stem, map synonyms. Each term is marked known,
 * corrected, light (generic) or unknown, so the scorer can count what the knowledge base cannot explain.
 */
export function analyseQuery(question: string, reader: QueryReader): AnalysedQuery {
  const typed = normaliseWords(question.slice(0, MAX_QUESTION_CHARS)).flatMap((word) =>
    readWord(word, reader),
  );
  const { tokens, mentions } = reader.entities.read(typed, mergeSpelling);
  const words: string[] = [];
  const terms: QueryTerm[] = [];
  for (const token of contentTokens(tokens, mergeSpelling)) {
    if (terms.length >= MAX_QUERY_TERMS) break;
    words.push(token.word);
    const term = toTerm(token.word);
    const topic = isTopicWord(token.word) || reader.topicTerms.has(term);
    const seenTerm = terms.find((existing) => existing.term === term);
    if (seenTerm !== undefined) {
      seenTerm.topic ||= topic;
      continue;
    }
    let kind: TermKind = "unknown";
    if (LIGHT_TERMS.has(term)) kind = "light";
    else if (reader.knownTerms.has(term)) kind = token.tag === "corrected" ? "corrected" : "known";
    // A month is a date, not an everyday word: "in August" asks about a time the data may not cover.
    const everyday = kind === "unknown" && reader.english.has(token.word) && !MONTHS.has(token.word);
    terms.push({ term, kind, topic, everyday });
  }
  return { text: tokens.map((token) => token.word).join(" "), words, terms, mentions };
}
