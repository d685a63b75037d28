import { matcherInputs } from "../answers/matcher-inputs.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import { FEATURE_NAMES, type FeatureName, WORDS_ONLY_FEATURES } from "../matching/decision/features.js";
import { collectFittingQuestions, fitDecisionModel } from "../matching/decision/fitting.js";
import { MODEL_FEATURES } from "../matching/decision/model.js";
import {
  type CandidateReader,
  compileDecider,
  createCandidateReader,
  type Decider,
  decide,
  type MatcherOptions,
} from "../matching/matcher.js";
import type { MeaningModel } from "../matching/semantic/meaning-model.js";
import { type EvalSet, evaluateOffTopic, evaluateSet, type Judge, type SetReport } from "./evaluate.js";

/** One way of matching, with one signal taken away (or none). */
export interface Variant {
  name: string;
  /** The data as this variant sees it. */
  data: (kb: KnowledgeBase) => KnowledgeBase;
  options: Pick<MatcherOptions, "reading"> & { meaning: boolean };
  /** Replaces the fitted answering model with a fixed rule (the v1 matcher's thresholds). */
  fixedRule?: boolean;
  /** A feature the models are fitted without. */
  without?: FeatureName;
}

const same = (kb: KnowledgeBase) => kb;

/** What each signal adds: every variant is refitted without it, then scored like the real matcher. */
export const VARIANTS: readonly Variant[] = [
  { name: "all signals", data: same, options: { meaning: true } },
  { name: "no meaning model", data: same, options: { meaning: false } },
  { name: "no message reading (raw text)", data: same, options: { meaning: true, reading: "raw" } },
  { name: "Slack markup only, one question", data: same, options: { meaning: true, reading: "markup" } },
  { name: "no linear probe on meaning", data: same, options: { meaning: true }, without: "meaningProbe" },
  { name: "no entity table", data: (kb) => ({ ...kb, entities: [] }), options: { meaning: true } },
  {
    name: "no unanswered questions",
    data: (kb) => {
      const entries = kb.entries.map((entry) => ({ ...entry, unanswered: [] }));
      return { ...kb, entries, entryById: new Map(entries.map((entry) => [entry.id, entry])) };
    },
    options: { meaning: true },
  },
  {
    name: "fixed thresholds (v1: score ≥ 0.7, margin ≥ 0.06)",
    data: same,
    options: { meaning: true },
    fixedRule: true,
  },
];

export interface VariantReport {
  name: string;
  reports: SetReport[];
  offTopic: { total: number; declined: number } | null;
}

/** The v1 matcher's decision: a lexical score of at least 0.7, at least 0.06 ahead of the next entry. */
function fixedRule(decider: Decider): Decider {
  const score = MODEL_FEATURES.indexOf("lexicalScore");
  const margin = MODEL_FEATURES.indexOf("lexicalMargin");
  return {
    ...decider,
    answering: (features) => ((features[score] ?? 0) >= 0.7 && (features[margin] ?? 0) >= 0.06 ? 20 : -20),
    cutoffs: { ...decider.cutoffs, answerAt: 0.5 },
  };
}

function judgeOf(reader: CandidateReader, decider: Decider): Judge {
  return async (questions) =>
    (await reader.read(questions)).map((read) => {
      const result = decide(read, decider, reader.entryIds);
      return {
        answered: result.answers.length > 0,
        ids: result.answers.map((answer) => answer.id),
        suggestions: result.answers.length > 0 ? [] : result.suggestions.map((suggestion) => suggestion.id),
        confidence: result.confidence,
      };
    });
}

/** Refits and scores each variant on the given sets (never fitted on: holdout, CLINC150's reporting half). */
export async function runAblation(
  kb: KnowledgeBase,
  fitting: Parameters<typeof collectFittingQuestions>[1],
  scored: readonly EvalSet[],
  offTopicReport: readonly string[] | null,
  meaning: MeaningModel,
  progress: (line: string) => void,
): Promise<VariantReport[]> {
  const out: VariantReport[] = [];
  for (const variant of VARIANTS) {
    progress(`  ${variant.name}…`);
    const data = variant.data(kb);
    const makeReader = (version: KnowledgeBase) =>
      createCandidateReader(version.entries, {
        ...matcherInputs(version),
        meaning: variant.options.meaning ? meaning : null,
        ...(variant.options.reading === undefined ? {} : { reading: variant.options.reading }),
      });
    const features: readonly FeatureName[] = (
      variant.options.meaning ? FEATURE_NAMES : WORDS_ONLY_FEATURES
    ).filter((name) => name !== variant.without);
    const entryIds = data.entries.map((entry) => entry.id);
    const model = fitDecisionModel(
      await collectFittingQuestions(data, fitting, makeReader),
      features,
      entryIds,
      () => undefined,
      // As `npm run fit` weighs them: off-topic rows weighed down only where the meaning signal is in.
      { offTopicWeighed: variant.options.meaning },
    );
    const decider = variant.fixedRule === true ? fixedRule(compileDecider(model)) : compileDecider(model);
    const judge = judgeOf(await makeReader(data), decider);
    const reports: SetReport[] = [];
    for (const set of scored) reports.push(await evaluateSet(set, judge));
    out.push({
      name: variant.name,
      reports,
      offTopic: offTopicReport === null ? null : await evaluateOffTopic(offTopicReport, judge),
    });
  }
  return out;
}
