import { FEATURE_NAMES, type FeatureName } from "../../src/matching/decision/features.js";
import type { Labelled } from "../../src/matching/decision/fitting.js";

/** A feature vector with the given values and 0 for every other feature. */
export function featureVector(values: Partial<Record<FeatureName, number>>): number[] {
  return FEATURE_NAMES.map((name) => values[name] ?? 0);
}

/** A labelled question read into one candidate, `entry`, with the given feature values. */
export function labelledQuestion(
  q: string,
  group: Labelled["group"],
  entry: number,
  values: Partial<Record<FeatureName, number>>,
  accepted: readonly string[],
): Labelled {
  return {
    q,
    group,
    accepted: new Set(accepted),
    read: {
      candidates: [
        {
          entry,
          reading: { text: q, question: 0 },
          readingWords: q.split(" "),
          features: featureVector(values),
        },
      ],
      questions: 1,
      normalised: q,
      english: true,
    },
  };
}
