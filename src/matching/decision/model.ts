import { z } from "zod";
import { FEATURE_NAMES } from "./features.js";

/** What the answering model knows of the ranking: the chosen entry's ranking logit and its lead. */
export const RANKING_FEATURES = ["rankingScore", "rankingMargin"] as const;
/** Every feature a model may use: a candidate's, then the ranking's. */
export const MODEL_FEATURES = [...FEATURE_NAMES, ...RANKING_FEATURES] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/** A logistic regression over standardised features. */
export const logisticSchema = z
  .object({
    features: z.array(z.enum(MODEL_FEATURES)).min(1),
    mean: z.array(z.number()),
    scale: z.array(z.number().positive()),
    weights: z.array(z.number()),
    bias: z.number(),
  })
  .strict()
  .refine(
    (model) =>
      [model.mean, model.scale, model.weights].every((list) => list.length === model.features.length),
    "mean, scale and weights must have one value per feature",
  );

export type Logistic = z.infer<typeof logisticSchema>;

/**
 * The decision in two steps: `ranking` says how likely each candidate entry is to answer a reading (and so
 * which entry is best, and which are worth suggesting); `answering` says whether the best entry of a
 * question should be given as the answer at all, which is where questions about something else are told
 * apart from the ones the data answers.
 */
export const decisionModelSchema = z
  .object({
    ranking: logisticSchema,
    answering: logisticSchema,
    /** At or above this answering probability the best entry is given as the answer. */
    answerAt: z.number().min(0).max(1),
    /** At or above this ranking probability a declined question offers the entry as a suggestion. */
    suggestAt: z.number().min(0).max(1),
  })
  .strict();

export type DecisionModel = z.infer<typeof decisionModelSchema>;

/** The fitted models: with the meaning signal, and for when its model cannot load. */
export const decisionModelsSchema = z
  .object({
    withMeaning: decisionModelSchema,
    wordsOnly: decisionModelSchema,
    /** What the models were fitted on, for the record. */
    fittedOn: z.record(z.string(), z.number()),
  })
  .strict();

export type DecisionModels = z.infer<typeof decisionModelsSchema>;

/** A model's logit (log-odds) from a feature vector in MODEL_FEATURES order (a candidate's alone will do). */
export function logitOf(model: Logistic): (features: readonly number[]) => number {
  const positions = model.features.map((name) => MODEL_FEATURES.indexOf(name));
  return (features) => {
    let score = model.bias;
    positions.forEach((position, slot) => {
      const value = features[position] ?? 0;
      score +=
        (model.weights[slot] as number) *
        ((value - (model.mean[slot] as number)) / (model.scale[slot] as number));
    });
    return score;
  };
}

export const probabilityOfLogit = (logit: number) => 1 / (1 + Math.exp(-logit));
