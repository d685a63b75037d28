import { compileDecider, type Decider } from "../matcher.js";
import { addTally, emptyTally, type Labelled, type Tally, tally } from "./fitting.js";
import type { DecisionModel } from "./model.js";

/**
 * What a way of fitting would do on questions it was not fitted on, without touching the holdout: the
 * held-out questions (dev) are split into folds, and each fold is judged by models fitted on everything
 * but that fold. `npm run fit -- --cross-validate` prints it; a change to the features or the fitting is
 * judged on these figures before the holdout is looked at once.
 */
export const CROSS_VALIDATION_FOLDS = 5;
/** Fixed answer cut-offs, to see the trade between answers and declines apart from the chosen one. */
export const SWEEP_CUTOFFS: readonly number[] = [
  0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85,
];

export interface CrossValidation {
  /** Every held-out question judged once, at the cut-offs chosen by its fold's fit. */
  chosen: Tally;
  /** The same, for each group `groupOf` names (e.g. the out-of-scope questions of each writer). */
  chosenByGroup: ReadonlyMap<string, Tally>;
  /** The answer cut-off each fold's fit chose. */
  answerAt: number[];
  /** The same models at fixed answer cut-offs. */
  sweep: { answerAt: number; tally: Tally; byGroup: ReadonlyMap<string, Tally> }[];
}

/**
 * Splits the questions `heldOut` picks (in `questions` order, a text's copies together) into `folds`
 * folds; for each, fits on every other question with `fitModels` and judges that fold. Questions outside
 * `heldOut` are always fitted on, never judged.
 */
export function crossValidate(
  questions: readonly Labelled[],
  heldOut: (question: Labelled) => boolean,
  fitModels: (training: readonly Labelled[]) => DecisionModel,
  entryIds: readonly string[],
  options: { folds?: number; groupOf?: (question: Labelled) => string | undefined } = {},
): CrossValidation {
  const { folds = CROSS_VALIDATION_FOLDS, groupOf = () => undefined } = options;
  // One fold per text: a question in two sets (dev and regression) is never fitted on while it is judged.
  const foldOfText = new Map<string, number>();
  const foldOf = new Map<Labelled, number>();
  for (const question of questions.filter(heldOut)) {
    const fold = foldOfText.get(question.q) ?? foldOfText.size % folds;
    foldOfText.set(question.q, fold);
    foldOf.set(question, fold);
  }
  const groups = [...new Set(questions.filter(heldOut).map(groupOf))].filter(
    (group): group is string => group !== undefined,
  );
  const byGroup = () => new Map(groups.map((group) => [group, emptyTally()]));
  const chosen = emptyTally();
  const chosenByGroup = byGroup();
  const answerAt: number[] = [];
  const sweep = SWEEP_CUTOFFS.map((cutoff) => ({
    answerAt: cutoff,
    tally: emptyTally(),
    byGroup: byGroup(),
  }));
  // Adds the fold's tally to `into`, and each group's part of it to that group's: each question is decided
  // once, in its group's part or among the ungrouped.
  const judge = (
    ungrouped: readonly Labelled[],
    parts: ReadonlyMap<string, readonly Labelled[]>,
    decider: Decider,
    into: Tally,
    intoGroups: Map<string, Tally>,
  ) => {
    addTally(into, tally(ungrouped, decider, entryIds));
    for (const [group, groupTally] of intoGroups) {
      const part = tally(parts.get(group) ?? [], decider, entryIds);
      addTally(groupTally, part);
      addTally(into, part);
    }
  };
  for (let fold = 0; fold < folds; fold += 1) {
    const judged = questions.filter((question) => foldOf.get(question) === fold);
    if (judged.length === 0) continue;
    // The fold split by group once, for the chosen cut-off and every point of the sweep.
    const ungrouped = judged.filter((question) => groupOf(question) === undefined);
    const parts = new Map(
      groups.map((group) => [group, judged.filter((question) => groupOf(question) === group)]),
    );
    const model = fitModels(questions.filter((question) => foldOf.get(question) !== fold));
    const decider = compileDecider(model);
    answerAt.push(model.answerAt);
    judge(ungrouped, parts, decider, chosen, chosenByGroup);
    for (const point of sweep)
      judge(
        ungrouped,
        parts,
        { ...decider, cutoffs: { ...decider.cutoffs, answerAt: point.answerAt } },
        point.tally,
        point.byGroup,
      );
  }
  return { chosen, chosenByGroup, answerAt, sweep };
}
