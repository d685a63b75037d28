/**
 * How the lexical signal weighs words. One frozen object, so a change is one visible diff. Whether to
 * answer is not decided here: the decision model weighs this signal with the others.
 */
export interface LexicalConfig {
  /** How many of the best entries each reading passes on to the decision. */
  candidates: number;
  /**
   * Weight of a word the knowledge base has never seen, as a multiple of the rarest known word's weight:
   * a question about an unknown person, place or number is mostly unexplained, so it is declined.
   */
  unknownWeight: number;
  /**
   * Floor under a known word's weight: "russia" and "ukraine" are in nearly every entry, yet which of them
   * a question names still decides between "Russia's demands" and "Ukraine's demands".
   */
  minTermWeight: number;
  /** Weight of an unseen generic word ("situation", "happen"), which says little about the topic. */
  lightWeight: number;
  /** Share of a word's weight a spelling-corrected word earns when it matches. */
  correctedCredit: number;
  /** Share of a word's weight earned when it is not in the phrasing but is in the entry's answer or tags. */
  contextCredit: number;
  /** Score multiplier when the question and the phrasing name different people or parties of one kind. */
  entityConflictFactor: number;
  /** Score multiplier when the words a question shares with a phrasing are all everyday words. */
  offTopicFactor: number;
  /**
   * Score multiplier when the question asks for a quantity ("how many", "how much") of something the
   * entry's answer puts no number to: "how many children were kidnapped" must not be answered by an
   * entry that only says children should be returned.
   */
  noQuantityFactor: number;
  /**
   * How much explaining the question matters relative to covering the phrasing: confidence is
   * questionCoverage^e × phrasingCoverage^(1−e).
   */
  questionCoverageExponent: number;
}

export const LEXICAL_DEFAULTS: Readonly<LexicalConfig> = Object.freeze({
  candidates: 6,
  unknownWeight: 1.5,
  minTermWeight: 0.8,
  lightWeight: 0.4,
  correctedCredit: 0.9,
  contextCredit: 0.5,
  questionCoverageExponent: 0.7,
  entityConflictFactor: 0.6,
  offTopicFactor: 0.5,
  noQuantityFactor: 0.5,
});
