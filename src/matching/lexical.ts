import { NO_PAUSE, type Pause } from "../lifecycle/time-slices.js";
import {
  type AnalysedQuery,
  analyseQuery,
  curatedTerms,
  type QueryReader,
  type QueryTerm,
} from "./analyse.js";
import { LEXICAL_DEFAULTS, type LexicalConfig } from "./config.js";
import { COMMON_ENGLISH_WORDS } from "./english.js";
import { type EntityReader, namesOtherEntity } from "./entities.js";
import { buildIndex, type MatchableEntry, type PhrasingIndex, termWeight } from "./index.js";
import { LIGHT_WORDS, MONTHS, PHRASES, QUESTION_WORDS, SPELLING_VARIANTS, STOP_WORDS } from "./lexicon.js";
import { normaliseWords } from "./normalise.js";
import { createSpellingCorrector } from "./spelling.js";
import { SYNONYM_WORDS, toTerm } from "./synonyms.js";

/** What the words of one reading say about one entry. */
export interface LexicalCandidate {
  /** The entry's position in the entries the matcher was built over. */
  entry: number;
  /** 0..1: the best phrasing's coverage score, cut by the factors below (the v1 matcher's confidence). */
  score: number;
  /** Share of the question's weight the best phrasing explains. */
  questionCoverage: number;
  /** Share of the best phrasing's weight the question covers. */
  phrasingCoverage: number;
  /** The best phrasing's text. */
  phrasing: string;
  /** The question and the phrasing name different entities of one kind (Russia's delegation, Ukraine's). */
  conflict: boolean;
  /** The words shared with the phrasing are all everyday words. */
  offTopic: boolean;
  /** "How many X" of an entry whose answer puts no number to X. */
  quantityMissing: boolean;
}

export interface LexicalResult {
  query: AnalysedQuery;
  /** The best entries, best first (at most `candidates` of the config). */
  candidates: LexicalCandidate[];
  /** Per entry touched: the best score among the questions it does not answer. */
  unanswered: ReadonlyMap<number, number>;
  /** Share of the question's weight carried by words the data has never seen. */
  unknownShare: number;
  /** Share of the question's weight carried by unknown words that are everyday English ("pasta"). */
  everydayShare: number;
}

export interface LexicalMatcher {
  readonly index: PhrasingIndex;
  readonly reader: QueryReader;
  match(reading: string): LexicalResult;
  /** Whether `query` asks "how many" of something entry's answer puts no number to. */
  quantityMissing(query: AnalysedQuery, entry: number): boolean;
}

export interface LexicalOptions {
  config?: Partial<LexicalConfig>;
  entities: EntityReader;
  /** More text whose words count as correctly spelt (e.g. the source documents). */
  extraVocabulary?: readonly string[];
  /** Names that place a question in the subject besides the lexicon's topic words (e.g. cited outlets). */
  topicNames?: readonly string[];
  /** Awaited between entries while building (none by default). */
  pause?: Pause;
}

/** The term the lexicon rewrites "how many", "how much" and "number of" to. */
const QUANTITY_TERM = "count";
/** How many words after a number it may count: "1,000 prisoners", "four Ukrainian cities". */
const QUANTIFIED_WINDOW = 3;
/** Years are dates, not counts ("2025 killing civilians" counts no civilians). */
const isYear = (word: string) => /^(19|20)\d\d$/.test(word);

/**
 * The terms an answer puts a number to, so "how many X" is answered only where X is counted. "Killed a
 * child" counts one child and one killed; a day of a month ("22 July") and a year count nothing.
 */
function quantifiedTerms(answer: string, entities: EntityReader): Set<string> {
  const words = normaliseWords(answer);
  const counted = new Set<string>();
  words.forEach((word, position) => {
    const isCount =
      /^\d/.test(word) &&
      !isYear(word) &&
      !MONTHS.has(words[position + 1] ?? "") &&
      !MONTHS.has(words[position - 1] ?? "");
    const isArticle = word === "a" || word === "an";
    if (!isCount && !isArticle) return;
    // "killed a child": one child, and one killed.
    const window = isArticle ? 1 : QUANTIFIED_WINDOW;
    const following = [
      ...(isArticle ? words.slice(Math.max(0, position - 1), position) : []),
      ...words.slice(position + 1, position + 1 + window),
    ].join(" ");
    for (const term of curatedTerms(following, entities).terms) if (!/^\d/.test(term)) counted.add(term);
  });
  return counted;
}

function weightOf(term: QueryTerm, index: PhrasingIndex, config: LexicalConfig): number {
  // An everyday word the data never uses ("notification", "sanity") says little about which subject is
  // asked; an unknown name ("Macron") or a word no dictionary has says the subject is another one.
  if (term.everyday) return config.lightWeight;
  if (term.kind === "unknown") return index.unseenIdf * config.unknownWeight;
  return termWeight(index, term.term, { light: config.lightWeight, floor: config.minTermWeight });
}

/** Every correctly spelt word the matcher knows: curated text, documents, entity names and the lexicon. */
function buildVocabulary(
  index: PhrasingIndex,
  entities: EntityReader,
  extra: readonly string[],
): Set<string> {
  const vocabulary = new Set<string>([
    ...index.words,
    ...entities.vocabulary,
    ...STOP_WORDS,
    ...QUESTION_WORDS,
    ...LIGHT_WORDS,
    ...Object.keys(SPELLING_VARIANTS),
    ...SYNONYM_WORDS,
  ]);
  for (const [phrase, target] of Object.entries(PHRASES)) {
    for (const word of `${phrase} ${target}`.split(" ")) if (word !== "") vocabulary.add(word);
  }
  for (const text of extra) for (const word of normaliseWords(text)) vocabulary.add(word);
  return vocabulary;
}

/**
 * Scores a question's words against every phrasing (canonical question and alternates) of every entry.
 * Each query term weighs its idf (unknown words weigh more than any known one); a phrasing scores by how
 * much of the query's weight it explains and how much of its own weight the query covers. It ranks
 * candidates and describes them; the decision to answer is not made here.
 */
export async function createLexicalMatcher(
  entries: readonly MatchableEntry[],
  options: LexicalOptions,
): Promise<LexicalMatcher> {
  const config: LexicalConfig = { ...LEXICAL_DEFAULTS, ...options.config };
  const { entities } = options;
  const pause = options.pause ?? NO_PAUSE;
  const weights = { light: config.lightWeight, floor: config.minTermWeight };
  const index = await buildIndex(entries, weights, entities, pause);
  await pause();
  const vocabulary = buildVocabulary(index, entities, options.extraVocabulary ?? []);
  // An event's name is a description in everyday words ("two-hour phone conversation"): its words would
  // place "answer the phone" in the subject. The names of people, places and bodies are names.
  const topicNames = [
    ...(options.topicNames ?? []),
    ...entities.entities.filter((entity) => entity.kind !== "event").map((entity) => entity.name),
  ];
  const topicTerms = new Set(topicNames.flatMap((name) => curatedTerms(name, entities).terms));
  await pause();
  // A typo of a form the data never uses ("swaping" for "swapping") is read as the data's word ("swap").
  const speller = createSpellingCorrector(
    vocabulary,
    STOP_WORDS,
    (word) => COMMON_ENGLISH_WORDS.has(word) && index.knownTerms.has(toTerm(word)),
  );
  await pause();
  const reader: QueryReader = {
    vocabulary,
    english: COMMON_ENGLISH_WORDS,
    knownTerms: index.knownTerms,
    topicTerms,
    speller,
    entities,
  };
  const matchedWeight = new Float64Array(index.phrasingText.length);
  const matchedMask = new Int32Array(index.phrasingText.length);
  const contextMask = new Int32Array(entries.length);
  const countedTerms: Set<string>[] = [];
  for (const entry of entries) {
    await pause();
    countedTerms.push(quantifiedTerms(entry.answer, entities));
  }

  function lacksCount(query: AnalysedQuery, entry: number): boolean {
    if (!query.terms.some((term) => term.term === QUANTITY_TERM)) return false;
    return !query.terms.some((term) => countedTerms[entry]?.has(term.term) === true);
  }

  function match(reading: string): LexicalResult {
    const query = analyseQuery(reading, reader);
    const weights = query.terms.map((term) => weightOf(term, index, config));
    const queryWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const shareOf = (keep: (term: QueryTerm) => boolean) =>
      queryWeight === 0
        ? 0
        : query.terms.reduce(
            (sum, term, position) => sum + (keep(term) ? (weights[position] as number) : 0),
            0,
          ) / queryWeight;
    const unknownShare = shareOf((term) => term.kind === "unknown");
    const everydayShare = shareOf((term) => term.everyday);
    if (queryWeight === 0)
      return { query, candidates: [], unanswered: new Map(), unknownShare, everydayShare };
    const credits = query.terms.map((term) => (term.kind === "corrected" ? config.correctedCredit : 1));
    let queryTopics = 0;
    query.terms.forEach((term, termIndex) => {
      if (term.kind !== "unknown" && term.topic) queryTopics |= 1 << termIndex;
    });

    const touched: number[] = [];
    const contextEntries: number[] = [];
    query.terms.forEach((term, termIndex) => {
      const bit = 1 << termIndex;
      const weight = weights[termIndex] as number;
      for (const id of index.postings.get(term.term) ?? []) {
        if (matchedMask[id] === 0) touched.push(id);
        matchedWeight[id] = (matchedWeight[id] as number) + weight;
        matchedMask[id] = (matchedMask[id] as number) | bit;
      }
      for (const entry of index.entryPostings.get(term.term) ?? []) {
        if (contextMask[entry] === 0) contextEntries.push(entry);
        contextMask[entry] = (contextMask[entry] as number) | bit;
      }
    });

    const best = new Map<number, LexicalCandidate>();
    const unanswered = new Map<number, number>();
    const exponent = config.questionCoverageExponent;
    for (const id of touched) {
      const entry = index.phrasingEntry[id] as number;
      const mask = matchedMask[id] as number;
      const contextOnly = (contextMask[entry] as number) & ~mask;
      let explained = 0;
      query.terms.forEach((_, termIndex) => {
        const bit = 1 << termIndex;
        const weight = weights[termIndex] as number;
        if ((mask & bit) !== 0) explained += weight * (credits[termIndex] as number);
        else if ((contextOnly & bit) !== 0) explained += weight * config.contextCredit;
      });
      const questionCoverage = explained / queryWeight;
      const phrasingCoverage = Math.min(1, (matchedWeight[id] as number) / (index.phrasingWeight[id] || 1));
      const mentions = index.phrasingMentions[id];
      const conflict = mentions !== undefined && namesOtherEntity(query.mentions, mentions, entities.kindOf);
      const offTopic = (mask & queryTopics) === 0;
      const quantityMissing = lacksCount(query, entry);
      const factor =
        (conflict ? config.entityConflictFactor : 1) *
        (offTopic ? config.offTopicFactor : 1) *
        (quantityMissing ? config.noQuantityFactor : 1);
      const score = factor * questionCoverage ** exponent * phrasingCoverage ** (1 - exponent);
      const previous = best.get(entry);
      if (index.phrasingAnswers[id] === 0) {
        unanswered.set(entry, Math.max(unanswered.get(entry) ?? 0, Math.min(1, score)));
      } else if (previous === undefined || score > previous.score) {
        best.set(entry, {
          entry,
          score: Math.min(1, score),
          questionCoverage,
          phrasingCoverage,
          phrasing: index.phrasingText[id] ?? "",
          conflict,
          offTopic,
          quantityMissing,
        });
      }
      matchedWeight[id] = 0;
      matchedMask[id] = 0;
    }
    for (const entry of contextEntries) contextMask[entry] = 0;

    const candidates = [...best.values()]
      .sort(
        (a, b) =>
          b.score - a.score ||
          (index.entryIds[a.entry] as string).localeCompare(index.entryIds[b.entry] as string),
      )
      .slice(0, config.candidates);
    return { query, candidates, unanswered, unknownShare, everydayShare };
  }

  return { index, reader, match, quantityMissing: lacksCount };
}
