import type { Entity } from "../knowledge/schema.js";
import { NO_PAUSE, type Pause } from "../lifecycle/time-slices.js";
import { curatedTerms } from "./analyse.js";
import {
  type AnswerKind,
  candidateFeatures,
  type EntryFacts,
  FEATURE_NAMES,
  type ReadingSignals,
} from "./decision/features.js";
import { asksFor, asksForecast, focusTerms, gapTerms } from "./decision/focus.js";
import { type DecisionModel, type DecisionModels, logitOf, probabilityOfLogit } from "./decision/model.js";
import { COMMON_ENGLISH_WORDS } from "./english.js";
import { createEntityReader } from "./entities.js";
import type { MatchableEntry } from "./index.js";
import { createLexicalMatcher, type LexicalResult } from "./lexical.js";
import { MONTHS } from "./lexicon.js";
import { isEnglish } from "./reading/language.js";
import { type Reading, type ReadingDepth, readMessage } from "./reading/message.js";
import type { MeaningModel } from "./semantic/meaning-model.js";
import {
  buildSemanticIndex,
  type EntryTexts,
  type SemanticIndex,
  type SemanticScores,
} from "./semantic/semantic-index.js";

export interface ScoredEntry {
  id: string;
  /** 0..1: the decision model's probability that the entry answers the question. */
  score: number;
}

export interface MatchResult {
  /** The entries that answer the question, main one first: one per question asked, at most two. */
  answers: ScoredEntry[];
  /** The main answer's probability, or the best candidate's when declined (0 when nothing came close). */
  confidence: number;
  /** Entries worth offering: the closest ones when declined, or another question's near answer. */
  suggestions: ScoredEntry[];
  /** The question's words as read (for the question log: no raw text). */
  normalised: string;
  /** Whether the main answer's question asks yes or no ("is there…", "did they…"). */
  yesNo: boolean;
  /** False when the message is not in English: nothing was matched. */
  english: boolean;
}

export interface Matcher {
  readonly size: number;
  /** Whether the meaning signal is in use (false when its model could not load). */
  readonly meaning: boolean;
  match(question: string): Promise<MatchResult>;
  /** Many questions at once: the meaning model embeds them in batches. */
  matchMany(questions: readonly string[]): Promise<MatchResult[]>;
}

export interface MatcherOptions {
  entities: readonly Entity[];
  /** More text whose words count as correctly spelt (e.g. the source documents). */
  extraVocabulary?: readonly string[];
  /** Names that place a question in the subject besides the lexicon's topic words (e.g. cited outlets). */
  topicNames?: readonly string[];
  /** The meaning model; null to match by words alone. */
  meaning: MeaningModel | null;
  /** The fitted decision models. */
  models: DecisionModels;
  /** How much of a message is read (full unless measuring what reading adds). */
  reading?: ReadingDepth;
  /**
   * Awaited between steps of the build. A reload passes time slices, so that the requests served
   * meanwhile get their turn; by default none (start-up, CLIs), and the build runs at full speed.
   */
  pause?: Pause;
}

/** At most this many suggestions, and this many answers to one message. */
export const MAX_SUGGESTIONS = 3;
export const MAX_ANSWERS = 2;
/** How many of the entries closest in meaning each reading considers, besides the lexical candidates. */
const MEANING_CANDIDATES = 6;
/**
 * A declined question is also offered the entries with a phrasing this close in meaning (cosine), however
 * unlikely the ranking finds them: a paraphrase in other words ("when do the envoys reconvene?") is often
 * ranked too low to suggest, yet close in meaning. Everyday queries seldom come this close. Chosen on dev,
 * in five folds: 47 of 56 declined questions had the right entry suggested, 53 at 0.70, with 115 → 121 of
 * CLINC150's 2,744 fitting-half queries given suggestions; at 0.65 one more question for 19 more queries.
 */
export const RELATED_MEANING = 0.7;
const MEANING_PHRASING = FEATURE_NAMES.indexOf("meaningPhrasing");

const AUXILIARIES: ReadonlySet<string> = new Set(
  `is are was were am do does did has have had can could will would should shall may might must isnt arent
  wasnt werent dont doesnt didnt hasnt havent hadnt cant couldnt wont wouldnt shouldnt`.split(/\s+/),
);

/** One entry as a candidate answer to one reading of a question. */
export interface Candidate {
  entry: number;
  reading: Reading;
  /** The reading's words as read (spelling corrected, entity aliases as names). */
  readingWords: readonly string[];
  /** In FEATURE_NAMES order. */
  features: number[];
}

/** A message as the decision sees it: its candidates, how many questions it asks, whether it is English. */
export interface ReadQuestion {
  candidates: Candidate[];
  questions: number;
  normalised: string;
  english: boolean;
}

/** Turns messages into candidates with their features: everything but the decision. */
export interface CandidateReader {
  readonly entryIds: readonly string[];
  readonly meaning: boolean;
  read(questions: readonly string[]): Promise<ReadQuestion[]>;
}

interface Judged extends Candidate {
  /** The ranking model's log-odds that the entry answers the reading, and as a probability. */
  logit: number;
  probability: number;
}

/** The ranking lead a question's only candidate is given: as clear as a lead gets in practice. */
const RANKING_MARGIN_ALONE = 10;

/**
 * Where the decision cuts: an entry is answered at `answerAt`, offered at `suggestAt` or when its phrasing
 * is `relatedMeaning` close in meaning (RELATED_MEANING unless set).
 */
export interface Cutoffs {
  answerAt: number;
  suggestAt: number;
  relatedMeaning?: number;
}

/**
 * Reads messages into candidate answers: each message is read (Slack markup, greetings and background set
 * apart, each question found), and each reading is scored against the entries by words (lexical) and by
 * meaning (sentence embeddings, when the model is loaded). Knows nothing of the decision.
 */
export async function createCandidateReader(
  entries: readonly MatchableEntry[],
  options: Omit<MatcherOptions, "models">,
): Promise<CandidateReader> {
  const entities = createEntityReader(options.entities);
  const pause = options.pause ?? NO_PAUSE;
  const lexical = await createLexicalMatcher(entries, {
    entities,
    pause,
    ...(options.extraVocabulary === undefined ? {} : { extraVocabulary: options.extraVocabulary }),
    ...(options.topicNames === undefined ? {} : { topicNames: options.topicNames }),
  });
  const kindOf = (id: string) => entities.kindOf(id);
  const facts: EntryFacts[] = [];
  for (const [position, entry] of entries.entries()) {
    await pause();
    const answer = curatedTerms(entry.answer, entities);
    const answerWords = answer.text.split(" ");
    const gives = new Set<AnswerKind>();
    if (answerWords.some((word) => MONTHS.has(word) || /^(19|20)\d\d$/.test(word))) gives.add("when");
    const kinds = [...answer.mentions].map(kindOf);
    if (kinds.includes("place")) gives.add("where");
    if (kinds.some((kind) => kind === "person" || kind === "outlet" || kind === "organisation"))
      gives.add("who");
    facts.push({
      mentions: lexical.index.entryMentions[position] ?? new Set(),
      gives,
      gaps: gapTerms(entry.answer, entities),
    });
  }

  const { meaning } = options;
  let semantic: SemanticIndex | null = null;
  if (meaning !== null) {
    const texts: EntryTexts[] = [];
    for (const entry of entries) {
      await pause();
      texts.push({
        phrasings: [entry.question, ...entry.alternates].map((text) => curatedTerms(text, entities).text),
        unanswered: entry.unanswered.map((text) => curatedTerms(text, entities).text),
        answer: curatedTerms(entry.answer, entities).text,
      });
    }
    // Embedded a few texts at a time only when the build gives way to requests.
    semantic = await buildSemanticIndex(texts, meaning.entries, options.pause === undefined ? {} : { pause });
  }
  const knowsWord = (word: string) => COMMON_ENGLISH_WORDS.has(word) || lexical.reader.vocabulary.has(word);

  function candidatesOf(
    reading: Reading,
    result: LexicalResult,
    meaning: SemanticScores | null,
  ): Candidate[] {
    const readingWords = result.query.text.split(" ");
    const signals: ReadingSignals = {
      lexical: result,
      semantic: meaning,
      asks: asksFor(readingWords),
      quantityMissing: (entry) => lexical.quantityMissing(result.query, entry),
      focus: focusTerms(readingWords),
      forecast: asksForecast(readingWords),
    };
    const entriesConsidered = new Set(result.candidates.map((candidate) => candidate.entry));
    if (meaning !== null) {
      [...meaning.phrasing.keys()]
        .sort((a, b) => (meaning.phrasing[b] as number) - (meaning.phrasing[a] as number))
        .slice(0, MEANING_CANDIDATES)
        .forEach((entry) => {
          entriesConsidered.add(entry);
        });
    }
    return [...entriesConsidered].map((entry) => ({
      entry,
      reading,
      readingWords,
      features: candidateFeatures(entry, signals, facts[entry] as EntryFacts),
    }));
  }

  async function read(questions: readonly string[]): Promise<ReadQuestion[]> {
    const messages = await Promise.all(
      questions.map(async (question) => {
        const message = readMessage(question, options.reading);
        const english = await isEnglish(message.plainText, knowsWord);
        const readings = english ? message.readings : [];
        return {
          message,
          english,
          readings,
          lexical: readings.map((reading) => lexical.match(reading.text)),
        };
      }),
    );
    // One embedding call for every reading of every message: the model is fastest in batches. A reading
    // with no content words ("is that true?") has no meaning worth comparing.
    const meaningful = (result: LexicalResult) => result.query.terms.length > 0;
    const meanings = new Map<LexicalResult, SemanticScores>();
    if (semantic !== null && meaning !== null) {
      const results = messages.flatMap((message) => message.lexical.filter(meaningful));
      const vectors = await meaning.questions.embed(results.map((result) => result.query.text));
      results.forEach((result, position) => {
        meanings.set(result, semantic.score(vectors[position] as Float32Array));
      });
    }
    return messages.map((message) => ({
      candidates: message.readings.flatMap((reading, position) => {
        const result = message.lexical[position] as LexicalResult;
        return meaningful(result) ? candidatesOf(reading, result, meanings.get(result) ?? null) : [];
      }),
      questions: message.message.questions,
      normalised: message.lexical[0]?.query.words.join(" ") ?? "",
      english: message.english,
    }));
  }

  return { entryIds: entries.map((entry) => entry.id), meaning: semantic !== null, read };
}

/** The decision model, compiled: logits from feature vectors. */
export interface Decider {
  ranking: (features: readonly number[]) => number;
  answering: (features: readonly number[]) => number;
  cutoffs: Cutoffs;
}

export function compileDecider(model: DecisionModel): Decider {
  return {
    ranking: logitOf(model.ranking),
    answering: logitOf(model.answering),
    cutoffs: { answerAt: model.answerAt, suggestAt: model.suggestAt },
  };
}

/** A question's best entry, with what the answering model is told about how it was ranked. */
export interface Best extends Judged {
  /** The candidate's features, then its ranking logit and its lead over the next entry (MODEL_FEATURES). */
  answeringFeatures: number[];
}

interface Chosen extends Best {
  answering: number;
}

/** Every candidate in ranking order, and each question's best, ready for the answering model. */
export function rank(
  read: ReadQuestion,
  ranking: (features: readonly number[]) => number,
): { ranked: Judged[]; best: Best[] } {
  const ranked: Judged[] = read.candidates
    .map((candidate) => {
      const logit = ranking(candidate.features);
      return { ...candidate, logit, probability: probabilityOfLogit(logit) };
    })
    .sort((a, b) => b.logit - a.logit || a.entry - b.entry);
  const best: Best[] = [];
  for (let question = 0; question < read.questions; question += 1) {
    const own = ranked.filter((candidate) => candidate.reading.question === question);
    const first = own[0];
    if (first === undefined) continue;
    const runnerUp = own.find((candidate) => candidate.entry !== first.entry);
    const margin = first.logit - (runnerUp?.logit ?? first.logit - RANKING_MARGIN_ALONE);
    best.push({ ...first, answeringFeatures: [...first.features, first.logit, margin] });
  }
  return { ranked, best };
}

/**
 * Decides what to say from a message's candidates: the ranking model orders each question's candidates;
 * the answering model says whether its best entry answers it (at `answerAt`; at most two answers, main
 * first); otherwise the entries the ranking finds likely (at `suggestAt`) are offered.
 */
export function decide(read: ReadQuestion, decider: Decider, entryIds: readonly string[]): MatchResult {
  const { normalised } = read;
  const { cutoffs } = decider;
  if (!read.english)
    return { answers: [], confidence: 0, suggestions: [], normalised, yesNo: false, english: false };
  const { ranked, best } = rank(read, decider.ranking);
  const chosen: Chosen[] = best.map((candidate) => ({
    ...candidate,
    answering: probabilityOfLogit(decider.answering(candidate.answeringFeatures)),
  }));
  chosen.sort((a, b) => b.answering - a.answering);
  const answered: Chosen[] = [];
  for (const best of chosen) {
    if (best.answering < cutoffs.answerAt || answered.length >= MAX_ANSWERS) continue;
    if (!answered.some((other) => other.entry === best.entry)) answered.push(best);
  }
  const toScored = (candidate: Judged, score: number): ScoredEntry => ({
    id: entryIds[candidate.entry] as string,
    score,
  });
  // Answers come in the order the questions were asked.
  answered.sort((a, b) => a.reading.question - b.reading.question);
  const main = answered[0];
  if (main !== undefined) {
    // Another question of the message that came close without being sure: offered, not answered.
    const nearAnswers = chosen.filter(
      (best) =>
        best.probability >= cutoffs.suggestAt && !answered.some((other) => other.entry === best.entry),
    );
    return {
      answers: answered.map((best) => toScored(best, best.answering)),
      confidence: main.answering,
      suggestions: nearAnswers.slice(0, MAX_SUGGESTIONS).map((best) => toScored(best, best.probability)),
      normalised,
      yesNo: AUXILIARIES.has(main.readingWords[0] ?? ""),
      english: true,
    };
  }
  const suggestions: Judged[] = [];
  for (const candidate of ranked) {
    if (suggestions.length >= MAX_SUGGESTIONS) break;
    const related =
      candidate.probability >= cutoffs.suggestAt ||
      (candidate.features[MEANING_PHRASING] ?? 0) >= (cutoffs.relatedMeaning ?? RELATED_MEANING);
    if (related && !suggestions.some((other) => other.entry === candidate.entry)) suggestions.push(candidate);
  }
  return {
    answers: [],
    confidence: chosen[0]?.answering ?? 0,
    suggestions: suggestions.map((candidate) => toScored(candidate, candidate.probability)),
    normalised,
    yesNo: false,
    english: true,
  };
}

/**
 * Matches a question to the entry that answers it: candidates from the reader, weighed by the decision
 * model fitted on labelled questions (`npm run fit`), which turns the signals into the probability that an
 * entry answers. The model without the meaning signal serves when its model could not load.
 */
export async function createMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions,
): Promise<Matcher> {
  const reader = await createCandidateReader(entries, options);
  const decider = compileDecider(reader.meaning ? options.models.withMeaning : options.models.wordsOnly);
  async function matchMany(questions: readonly string[]): Promise<MatchResult[]> {
    return (await reader.read(questions)).map((read) => decide(read, decider, reader.entryIds));
  }
  return {
    size: entries.length,
    meaning: reader.meaning,
    matchMany,
    async match(question) {
      return (await matchMany([question]))[0] as MatchResult;
    },
  };
}
