import type { LexicalCandidate, LexicalResult } from "../lexical.js";
import type { SemanticScores } from "../semantic/semantic-index.js";

/**
 * What the decision model weighs for one (reading, entry) pair, in this order. Each is a general signal
 * of whether the entry answers the reading; none names a question, an entry or a word.
 */
export const FEATURE_NAMES = [
  /** The lexical score: coverage both ways, cut for conflicts, off-topic words, missing counts. */
  "lexicalScore",
  "questionCoverage",
  "phrasingCoverage",
  /** The lexical score's lead over the best other entry (negative when another leads). */
  "lexicalMargin",
  "entityConflict",
  "offTopic",
  "quantityMissing",
  /** Share of the reading's weight in words the data has never seen. */
  "unknownShare",
  /** …of which everyday English words (a question about something else), not names or typos. */
  "everydayShare",
  /** The reading names an entity the entry never mentions. */
  "entityMissing",
  /** The reading names an entity the entry mentions. */
  "entityShared",
  /** The reading asks when, where or who, and the answer gives no date, place or person. */
  "typeMismatch",
  /** The reading asks for what the answer says the article does not give ("which cities?"). */
  "asksGap",
  /** The reading asks for a forecast or an opinion ("will the talks succeed?"). */
  "forecast",
  /** The entry is the reading's best by words. */
  "lexicalTop",
  /**
   * How much better by words the closest question the entry lists as one it does not answer fits than its
   * best phrasing (negative when the phrasing fits better; 0 when it lists none).
   */
  "unansweredWords",
  /** The meaning signal: cosine similarity to the entry's closest phrasing, and to its answer. */
  "meaningPhrasing",
  "meaningAnswer",
  /** The phrasing similarity's lead over the best other entry. */
  "meaningMargin",
  /** The entry is the reading's closest in meaning. */
  "meaningTop",
  /** The similarity of the closest question the entry does not answer, less its phrasings' (meaningPhrasing). */
  "unansweredMeaning",
  /** The entry is the reading's best both by words and by meaning. */
  "bothTop",
  /** The linear probe's lead for the entry over the best other class, "none" included (linear-probe.ts). */
  "meaningProbe",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The features that exist without the meaning model (when it cannot load). */
export const WORDS_ONLY_FEATURES: readonly FeatureName[] = FEATURE_NAMES.filter(
  (name) => !name.startsWith("meaning"),
);

/** The kinds of answer a when/where/who question wants. */
export type AnswerKind = "when" | "where" | "who";

export interface EntryFacts {
  /** Entities the entry's phrasings, answer, evidence or tags name. */
  mentions: ReadonlySet<string>;
  /** What kinds of answer its answer gives (a date, a place, a person). */
  gives: ReadonlySet<AnswerKind>;
  /** What its answer says the article does not give (see gapTerms). */
  gaps: ReadonlySet<string>;
}

export interface ReadingSignals {
  lexical: LexicalResult;
  /** Null when the meaning model is not loaded. */
  semantic: SemanticScores | null;
  /** What the reading asks for, when it asks when, where or who. */
  asks: AnswerKind | null;
  /** Whether the reading asks "how many" of something the entry's answer does not count. */
  quantityMissing: (entry: number) => boolean;
  /** What the reading asks for (see focusTerms). */
  focus: ReadonlySet<string>;
  forecast: boolean;
}

const flag = (value: boolean) => (value ? 1 : 0);

/** The feature vector of one entry for one reading, in FEATURE_NAMES order. */
export function candidateFeatures(entry: number, signals: ReadingSignals, facts: EntryFacts): number[] {
  const { lexical, semantic, asks } = signals;
  const candidate: LexicalCandidate | undefined = lexical.candidates.find((found) => found.entry === entry);
  const bestOther = lexical.candidates.find((found) => found.entry !== entry)?.score ?? 0;
  const mentions = lexical.query.mentions;
  let meaningPhrasing = 0;
  let meaningAnswer = 0;
  let meaningMargin = 0;
  if (semantic !== null) {
    meaningPhrasing = semantic.phrasing[entry] ?? 0;
    meaningAnswer = semantic.answer[entry] ?? 0;
    let other = -1;
    semantic.phrasing.forEach((similarity, position) => {
      if (position !== entry) other = Math.max(other, similarity);
    });
    meaningMargin = meaningPhrasing - other;
  }
  const lexicalTop = candidate !== undefined && candidate === lexical.candidates[0];
  const values: Record<FeatureName, number> = {
    lexicalScore: candidate?.score ?? 0,
    questionCoverage: candidate?.questionCoverage ?? 0,
    phrasingCoverage: candidate?.phrasingCoverage ?? 0,
    lexicalMargin: (candidate?.score ?? 0) - bestOther,
    entityConflict: flag(candidate?.conflict === true),
    offTopic: flag(candidate === undefined || candidate.offTopic),
    quantityMissing: flag(signals.quantityMissing(entry)),
    unknownShare: lexical.unknownShare,
    everydayShare: lexical.everydayShare,
    entityMissing: flag([...mentions].some((id) => !facts.mentions.has(id))),
    entityShared: flag([...mentions].some((id) => facts.mentions.has(id))),
    typeMismatch: flag(asks !== null && !facts.gives.has(asks)),
    asksGap: flag([...signals.focus].some((term) => facts.gaps.has(term))),
    forecast: flag(signals.forecast),
    lexicalTop: flag(lexicalTop),
    unansweredWords: lexical.unanswered.has(entry)
      ? (lexical.unanswered.get(entry) as number) - (candidate?.score ?? 0)
      : 0,
    meaningPhrasing,
    meaningAnswer,
    meaningMargin,
    meaningTop: flag(semantic !== null && meaningMargin > 0),
    meaningProbe: semantic === null ? 0 : (semantic.probe[entry] ?? 0),
    bothTop: flag(lexicalTop && semantic !== null && meaningMargin > 0),
    unansweredMeaning:
      semantic === null || (semantic.unanswered[entry] ?? -1) < 0
        ? 0
        : (semantic.unanswered[entry] ?? 0) - meaningPhrasing,
  };
  return FEATURE_NAMES.map((name) => values[name]);
}
