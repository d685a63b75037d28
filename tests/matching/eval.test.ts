import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import {
  EVAL_TARGETS,
  type EvalReport,
  evaluate,
  type Failure,
  readEvalSets,
  share,
} from "../../src/matching/evaluation.js";

// The same figures `npm run eval` prints, on the real data and the labelled sets: CI fails when the
// matcher (or an edit to the data) drops below a target.
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const sets = readEvalSets(REPO_ROOT);
const engine = createAnswerEngine(loadKnowledgeBase(join(REPO_ROOT, "data")));
const report: EvalReport = evaluate(sets, (question) => {
  const { answer } = engine.ask(question);
  return { answered: answer.answered, id: answer.id, confidence: answer.confidence };
});

const failuresIn = (set: Failure["set"]) =>
  report.failures
    .filter((failure) => failure.set === set)
    .map(
      (failure) =>
        `${failure.question} → ${failure.got ?? "declined"} (expected ${failure.expected ?? "decline"})`,
    )
    .join("\n");

describe("matcher on the labelled evaluation sets", () => {
  it("has enough labelled questions to mean something", () => {
    expect(sets.inScope.length).toBeGreaterThanOrEqual(100);
    expect(sets.outOfScope.length).toBeGreaterThanOrEqual(50);
  });

  it(`answers at least ${EVAL_TARGETS.inScopeCorrect * 100}% of in-scope questions correctly`, () => {
    const { correct, total } = report.inScope;
    expect(share(correct, total), failuresIn("in-scope")).toBeGreaterThanOrEqual(EVAL_TARGETS.inScopeCorrect);
  });

  it(`answers at most ${EVAL_TARGETS.inScopeWrong * 100}% of in-scope questions with the wrong entry`, () => {
    const { wrong, total } = report.inScope;
    expect(share(wrong, total), failuresIn("in-scope")).toBeLessThanOrEqual(EVAL_TARGETS.inScopeWrong);
  });

  it(`declines at least ${EVAL_TARGETS.outOfScopeDeclined * 100}% of out-of-scope questions`, () => {
    const { declined, total } = report.outOfScope;
    expect(share(declined, total), failuresIn("out-of-scope")).toBeGreaterThanOrEqual(
      EVAL_TARGETS.outOfScopeDeclined,
    );
  });

  it.skipIf(report.offTopic === null)(
    `declines at least ${EVAL_TARGETS.offTopicDeclined * 100}% of the CLINC150 off-topic queries (skipped when ../shared/eval/clinc150-offtopic.txt is absent)`,
    () => {
      const offTopic = report.offTopic ?? { declined: 0, total: 1 };
      expect(share(offTopic.declined, offTopic.total), failuresIn("clinc150")).toBeGreaterThanOrEqual(
        EVAL_TARGETS.offTopicDeclined,
      );
    },
  );
});
