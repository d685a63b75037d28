import { type AnalysedQuery, analyseQuery, type QueryReader, type QueryTerm, termsOf } from "./analyse.js";
import { MATCHER_DEFAULTS, type MatcherConfig } from "./config.js";
import {
  buildIndex,
  entityMask,
  type MatchableEntry,
  namesOtherEntity,
  type PhrasingIndex,
  termWeight,
} from "./index.js";
import { LIGHT_WORDS, PHRASES, QUESTION_WORDS, SPELLING_VARIANTS, STOP_WORDS } from "./lexicon.js";
import { normaliseWords } from "./normalise.js";
import { createSpellingCorrector } from "./spelling.js";
import { SYNONYM_WORDS } from "./synonyms.js";

export interface ScoredEntry {
  id: string;
  /** 0..1 */
  score: number;
  /** The phrasing of the entry that matched best. */
  phrasing: string;
}

export interface MatchResult {
  /** The best entry when it is confident enough and clear of the runner-up; otherwise null. */
  match: ScoredEntry | null;
  /** The best entry's score (0 when nothing matched at all). */
  confidence: number;
  /** Closest entries, best first, each at least the suggestion floor (empty when matched). */
  suggestions: ScoredEntry[];
  /** Best entries before the decision, best first (for evaluation and debugging). */
  ranked: ScoredEntry[];
  query: AnalysedQuery;
}

export interface Matcher {
  readonly config: Readonly<MatcherConfig>;
  readonly size: number;
  match(question: string): MatchResult;
}

export interface MatcherOptions {
  config?: Partial<MatcherConfig>;
  /** More text whose words count as correctly spelt (e.g. the source documents). */
  extraVocabulary?: readonly string[];
  /** Names that place a question in the subject besides the lexicon's topic words (e.g. cited outlets). */
  topicNames?: readonly string[];
}

const RANKED_LIMIT = 5;

/** The term the lexicon rewrites "how many", "how much" and "number of" to. */
const QUANTITY_TERM = "count";
/** How many words after a number it may count: "1,000 prisoners", "four Ukrainian cities". */
const QUANTIFIED_WINDOW = 3;

/** The terms an answer puts a number to, so "how many X" is answered only where X is counted. */
function quantifiedTerms(answer: string): Set<string> {
  const words = normaliseWords(answer);
  const counted = new Set<string>();
  words.forEach((word, position) => {
    if (!/^\d/.test(word)) return;
    const following = words.slice(position + 1, position + 1 + QUANTIFIED_WINDOW).join(" ");
    for (const term of termsOf(following)) if (!/^\d/.test(term)) counted.add(term);
  });
  return counted;
}

function weightOf(term: QueryTerm, index: PhrasingIndex, config: MatcherConfig): number {
  if (term.kind === "unknown") return index.unseenIdf * config.unknownWeight;
  return termWeight(index, term.term, { light: config.lightWeight, floor: config.minTermWeight });
}

/** Every correctly spelt word the matcher knows: curated text, documents and the lexicon. */
function buildVocabulary(index: PhrasingIndex, extra: readonly string[]): Set<string> {
  const vocabulary = new Set<string>([
    ...index.words,
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
 * Matches a question to the entry whose phrasing explains it best. Each query term weighs its idf (unknown
 * words weigh more than any known one); a phrasing scores by how much of the query's weight it explains
 * and how much of its own weight the query covers. The best entry must clear a threshold and beat the
 * runner-up by a margin, or the question is declined with the nearest entries as suggestions.
 */
export function createMatcher(entries: readonly MatchableEntry[], options: MatcherOptions = {}): Matcher {
  const config: MatcherConfig = { ...MATCHER_DEFAULTS, ...options.config };
  const index = buildIndex(entries, { light: config.lightWeight, floor: config.minTermWeight });
  const vocabulary = buildVocabulary(index, options.extraVocabulary ?? []);
  const reader: QueryReader = {
    vocabulary,
    knownTerms: index.knownTerms,
    topicTerms: new Set((options.topicNames ?? []).flatMap((name) => termsOf(name))),
    speller: createSpellingCorrector(vocabulary, STOP_WORDS),
  };
  const matchedWeight = new Float64Array(index.phrasings.length);
  const matchedMask = new Int32Array(index.phrasings.length);
  const entryScore = new Float64Array(entries.length);
  const entryPhrasing = new Int32Array(entries.length);
  const entrySeen = new Uint8Array(entries.length);
  const contextMask = new Int32Array(entries.length);
  // Lists of what one question touched, reused by every match (at most every phrasing, every entry):
  // a question can touch hundreds of phrasings, and growing fresh arrays for them is most of its garbage.
  const touched = new Int32Array(index.phrasings.length);
  const touchedEntries = new Int32Array(entries.length);
  const contextEntries = new Int32Array(entries.length);
  const countedTerms = entries.map((entry) => quantifiedTerms(entry.answer));

  /** The `limit` best entries, best first (ties by id): a partial selection, not a sort of every hit. */
  function topEntries(candidates: Int32Array, count: number, limit: number): ScoredEntry[] {
    const top: number[] = [];
    const before = (a: number, b: number) =>
      (entryScore[a] as number) > (entryScore[b] as number) ||
      (entryScore[a] === entryScore[b] && (index.entryIds[a] as string) < (index.entryIds[b] as string));
    for (let candidate = 0; candidate < count; candidate += 1) {
      const entry = candidates[candidate] as number;
      if (top.length === limit && !before(entry, top[limit - 1] as number)) continue;
      let position = Math.min(top.length, limit - 1);
      top[position] = entry;
      while (position > 0 && before(entry, top[position - 1] as number)) {
        top[position] = top[position - 1] as number;
        top[position - 1] = entry;
        position -= 1;
      }
    }
    return top.map((entry) => ({
      id: index.entryIds[entry] as string,
      score: Math.min(1, entryScore[entry] as number),
      phrasing: index.phrasings[entryPhrasing[entry] as number]?.text ?? "",
    }));
  }

  function match(question: string): MatchResult {
    const query = analyseQuery(question, reader);
    const weights = query.terms.map((term) => weightOf(term, index, config));
    const credits = query.terms.map((term) => (term.kind === "corrected" ? config.correctedCredit : 1));
    const queryWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const queryEntities = entityMask(query.terms.map((term) => term.term));
    let queryTopics = 0;
    query.terms.forEach((term, termIndex) => {
      if (term.kind !== "unknown" && term.topic) queryTopics |= 1 << termIndex;
    });
    if (queryWeight === 0) return { match: null, confidence: 0, suggestions: [], ranked: [], query };
    const asksQuantity = query.terms.some((term) => term.term === QUANTITY_TERM);
    const counts = (entry: number) =>
      query.terms.some((term) => countedTerms[entry]?.has(term.term) === true);

    const terms = query.terms.length;
    let touchedCount = 0;
    let contextCount = 0;
    for (let termIndex = 0; termIndex < terms; termIndex += 1) {
      const term = (query.terms[termIndex] as QueryTerm).term;
      const bit = 1 << termIndex;
      const weight = weights[termIndex] as number;
      for (const id of index.postings.get(term) ?? []) {
        if (matchedMask[id] === 0) touched[touchedCount++] = id;
        matchedWeight[id] = (matchedWeight[id] as number) + weight;
        matchedMask[id] = (matchedMask[id] as number) | bit;
      }
      for (const entry of index.entryPostings.get(term) ?? []) {
        if (contextMask[entry] === 0) contextEntries[contextCount++] = entry;
        contextMask[entry] = (contextMask[entry] as number) | bit;
      }
    }

    let touchedEntryCount = 0;
    const exponent = config.questionCoverageExponent;
    for (let position = 0; position < touchedCount; position += 1) {
      const id = touched[position] as number;
      const entry = index.phrasingEntry[id] as number;
      const mask = matchedMask[id] as number;
      const contextOnly = (contextMask[entry] as number) & ~mask;
      let explained = 0;
      for (let termIndex = 0; termIndex < terms; termIndex += 1) {
        const bit = 1 << termIndex;
        if ((mask & bit) !== 0) explained += (weights[termIndex] as number) * (credits[termIndex] as number);
        else if ((contextOnly & bit) !== 0)
          explained += (weights[termIndex] as number) * config.contextCredit;
      }
      const questionCoverage = explained / queryWeight;
      const phrasingCoverage = Math.min(1, (matchedWeight[id] as number) / (index.phrasingWeight[id] || 1));
      const conflict = namesOtherEntity(queryEntities, index.phrasingEntities[id] as number)
        ? config.entityConflictFactor
        : 1;
      const onTopic = (mask & queryTopics) !== 0 ? 1 : config.offTopicFactor;
      const quantity = asksQuantity && !counts(entry) ? config.noQuantityFactor : 1;
      const score =
        conflict * onTopic * quantity * questionCoverage ** exponent * phrasingCoverage ** (1 - exponent);
      if (entrySeen[entry] === 0) {
        entrySeen[entry] = 1;
        touchedEntries[touchedEntryCount++] = entry;
      }
      if (score > (entryScore[entry] as number)) {
        entryScore[entry] = score;
        entryPhrasing[entry] = id;
      }
      matchedWeight[id] = 0;
      matchedMask[id] = 0;
    }
    for (let position = 0; position < contextCount; position += 1) {
      contextMask[contextEntries[position] as number] = 0;
    }

    const ranked = topEntries(
      touchedEntries,
      touchedEntryCount,
      Math.max(RANKED_LIMIT, config.maxSuggestions + 1),
    );
    for (let position = 0; position < touchedEntryCount; position += 1) {
      const entry = touchedEntries[position] as number;
      entryScore[entry] = 0;
      entrySeen[entry] = 0;
    }

    const best = ranked[0];
    const runnerUp = ranked[1]?.score ?? 0;
    const confidence = best?.score ?? 0;
    const top = ranked.slice(0, RANKED_LIMIT);
    if (best !== undefined && best.score >= config.threshold && best.score - runnerUp >= config.margin) {
      return { match: best, confidence, suggestions: [], ranked: top, query };
    }
    const suggestions = ranked
      .filter((entry) => entry.score >= config.suggestionFloor)
      .slice(0, config.maxSuggestions);
    return { match: null, confidence, suggestions, ranked: top, query };
  }

  return { config, size: entries.length, match };
}
