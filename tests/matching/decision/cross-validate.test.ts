import { describe, expect, it } from "vitest";
import { crossValidate, SWEEP_CUTOFFS } from "../../../src/matching/decision/cross-validate.js";
import type { Labelled } from "../../../src/matching/decision/fitting.js";
import type { DecisionModel } from "../../../src/matching/decision/model.js";
import { labelledQuestion } from "../../helpers/decision.js";

// The hand-made model of decide.test.ts: ranking logit 10 × lexicalScore − 5, answered at the ranking's
// own probability. A lexical score of 0.9 is answered at any cut-off (0.98); 0.6 only up to 0.7 (0.73).
const MODEL: DecisionModel = {
  ranking: { features: ["lexicalScore"], mean: [0], scale: [1], weights: [10], bias: -5 },
  answering: { features: ["rankingScore"], mean: [0], scale: [1], weights: [1], bias: 0 },
  answerAt: 0.9,
  suggestAt: 0.2,
};
const IDS = ["a", "b"];

const question = (
  q: string,
  group: Labelled["group"],
  entry: number,
  lexicalScore: number,
  accepted: string[],
): Labelled => labelledQuestion(q, group, entry, { lexicalScore }, accepted);

// Ten dev questions (six sure, four less so), two dev near misses, and questions only ever fitted on.
const dev = [
  ...Array.from({ length: 6 }, (_, n) => question(`sure ${n}`, "in-scope", 0, 0.9, ["a"])),
  ...Array.from({ length: 4 }, (_, n) => question(`unsure ${n}`, "in-scope", 1, 0.6, ["b"])),
  question("near miss one", "out-of-scope", 0, 0.6, []),
  question("near miss two", "out-of-scope", 1, 0.3, []),
];
const fittedOnly = [
  question("an alternate", "alternate", 0, 1, ["a"]),
  question("a regression question", "in-scope", 0, 0.9, ["a"]),
  question("an off-topic query", "off-topic", 1, 0.1, []),
];
const questions = [...fittedOnly.slice(0, 1), ...dev, ...fittedOnly.slice(1)];
const isDev = (candidate: Labelled) => dev.includes(candidate);

describe("crossValidate", () => {
  it("judges each held-out question once, by a model fitted without its fold and with everything else", () => {
    const trainings: (readonly Labelled[])[] = [];
    const result = crossValidate(
      questions,
      isDev,
      (training) => {
        trainings.push(training);
        return MODEL;
      },
      IDS,
    );
    expect(trainings).toHaveLength(5);
    for (const training of trainings) {
      for (const only of fittedOnly) expect(training).toContain(only);
      // Each fold holds out 2 or 3 of the 12 dev questions.
      const left = dev.filter((candidate) => !training.includes(candidate));
      expect(left.length).toBeGreaterThanOrEqual(2);
      expect(left.length).toBeLessThanOrEqual(3);
    }
    // Together the folds leave out every dev question exactly once.
    const leftOut = trainings.flatMap((training) => dev.filter((candidate) => !training.includes(candidate)));
    expect(new Set(leftOut).size).toBe(dev.length);
    expect(leftOut).toHaveLength(dev.length);

    expect(result.chosen).toMatchObject({ inScope: 10, outOfScope: 2, offTopic: 0 });
    expect(result.answerAt).toEqual([0.9, 0.9, 0.9, 0.9, 0.9]);
  });

  it("keeps a question asked in two sets in one fold, so it is never fitted on while judged", () => {
    const again = question("sure 3", "in-scope", 0, 0.9, ["a"]);
    const trainings: (readonly Labelled[])[] = [];
    crossValidate(
      [...questions, again],
      (candidate) => isDev(candidate) || candidate === again,
      (training) => {
        trainings.push(training);
        return MODEL;
      },
      IDS,
    );
    const original = dev[3] as Labelled;
    for (const training of trainings) expect(training.includes(again)).toBe(training.includes(original));
  });

  it("answers at each fold's own cut-off, and at each fixed cut-off of the sweep", () => {
    const result = crossValidate(questions, isDev, () => MODEL, IDS);
    // At 0.9 the four unsure ones are declined, each with its entry suggested; the near misses declined.
    expect(result.chosen).toMatchObject({ right: 6, wrong: 0, rescued: 4, outOfScopeAnswered: 0 });
    const at = (cutoff: number) => result.sweep.find((point) => point.answerAt === cutoff)?.tally;
    expect(result.sweep.map((point) => point.answerAt)).toEqual(SWEEP_CUTOFFS);
    // Up to 0.7 the unsure ones are answered, and so is the near miss that scores like them.
    expect(at(0.7)).toMatchObject({ right: 10, rescued: 0, outOfScopeAnswered: 1 });
    expect(at(0.75)).toMatchObject({ right: 6, rescued: 4, outOfScopeAnswered: 0 });
  });

  it("tallies each group apart as well: the near misses of each writer", () => {
    const writerOf = (candidate: Labelled) =>
      candidate.q === "near miss one" ? "helpers" : candidate.q === "near miss two" ? "first" : undefined;
    const result = crossValidate(questions, isDev, () => MODEL, IDS, { groupOf: writerOf });
    expect([...result.chosenByGroup.keys()].sort()).toEqual(["first", "helpers"]);
    expect(result.chosenByGroup.get("helpers")).toMatchObject({
      outOfScope: 1,
      outOfScopeAnswered: 0,
      inScope: 0,
    });
    const at = (cutoff: number, group: string) =>
      result.sweep.find((point) => point.answerAt === cutoff)?.byGroup.get(group);
    // At 0.7 the near miss that scores like the unsure questions is answered; the other is not.
    expect(at(0.7, "helpers")).toMatchObject({ outOfScope: 1, outOfScopeAnswered: 1 });
    expect(at(0.7, "first")).toMatchObject({ outOfScope: 1, outOfScopeAnswered: 0 });
    // The whole still counts each question once: one near miss answered in all.
    expect(result.chosen).toMatchObject({ inScope: 10, outOfScope: 2, right: 6, rescued: 4 });
    expect(result.sweep.find((point) => point.answerAt === 0.7)?.tally).toMatchObject({
      outOfScopeAnswered: 1,
    });
  });
});
