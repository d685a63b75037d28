import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** The figures `npm run eval` must reach; a test asserts the same ones. */
export const EVAL_TARGETS = Object.freeze({
  inScopeCorrect: 0.95,
  inScopeWrong: 0.02,
  outOfScopeDeclined: 0.95,
  offTopicDeclined: 0.99,
});

export interface LabelledQuestion {
  q: string;
  id: string;
}

export interface EvalSets {
  inScope: LabelledQuestion[];
  outOfScope: string[];
  /** The CLINC150 off-topic queries, or null when the shared file is absent. */
  offTopic: string[] | null;
}

/** What a matcher said about one question: enough to score it. */
export interface Verdict {
  answered: boolean;
  id: string | null;
  confidence: number;
}

export interface Failure {
  set: "in-scope" | "out-of-scope" | "clinc150";
  question: string;
  expected: string | null;
  got: string | null;
  confidence: number;
}

export interface EvalReport {
  inScope: { total: number; correct: number; wrong: number; declined: number };
  outOfScope: { total: number; declined: number };
  offTopic: { total: number; declined: number } | null;
  failures: Failure[];
}

const inScopeSchema = z.array(z.object({ q: z.string().min(1), id: z.string().min(1) }));
const outOfScopeSchema = z.array(z.string().min(1));

/** The repository's relative path to the shared CLINC150 file, from the repo root. */
export const OFF_TOPIC_PATH = join("..", "shared", "eval", "clinc150-offtopic.txt");

/** Reads tests/eval/*.yml and the shared off-topic file (when present) from the repository root. */
export function readEvalSets(repoRoot: string): EvalSets {
  const evalDir = join(repoRoot, "tests", "eval");
  const inScope = inScopeSchema.parse(parseYaml(readFileSync(join(evalDir, "in-scope.yml"), "utf8")));
  const outOfScope = outOfScopeSchema.parse(
    parseYaml(readFileSync(join(evalDir, "out-of-scope.yml"), "utf8")),
  );
  const offTopicFile = join(repoRoot, OFF_TOPIC_PATH);
  const offTopic = existsSync(offTopicFile)
    ? readFileSync(offTopicFile, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
    : null;
  return { inScope, outOfScope, offTopic };
}

/** Scores any question → verdict function on the labelled sets. */
export function evaluate(sets: EvalSets, judge: (question: string) => Verdict): EvalReport {
  const failures: Failure[] = [];
  const inScope = { total: sets.inScope.length, correct: 0, wrong: 0, declined: 0 };
  for (const { q, id } of sets.inScope) {
    const verdict = judge(q);
    if (verdict.answered && verdict.id === id) {
      inScope.correct += 1;
      continue;
    }
    if (verdict.answered) inScope.wrong += 1;
    else inScope.declined += 1;
    failures.push({
      set: "in-scope",
      question: q,
      expected: id,
      got: verdict.id,
      confidence: verdict.confidence,
    });
  }
  const declinedAll = (questions: readonly string[], set: Failure["set"]) => {
    let declined = 0;
    for (const question of questions) {
      const verdict = judge(question);
      if (!verdict.answered) declined += 1;
      else failures.push({ set, question, expected: null, got: verdict.id, confidence: verdict.confidence });
    }
    return { total: questions.length, declined };
  };
  const outOfScope = declinedAll(sets.outOfScope, "out-of-scope");
  const offTopic = sets.offTopic === null ? null : declinedAll(sets.offTopic, "clinc150");
  return { inScope, outOfScope, offTopic, failures };
}

export function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** Which targets a report misses, as readable lines (empty when all are met). */
export function missedTargets(report: EvalReport): string[] {
  const missed: string[] = [];
  const { inScope, outOfScope, offTopic } = report;
  if (share(inScope.correct, inScope.total) < EVAL_TARGETS.inScopeCorrect) missed.push("in-scope correct");
  if (share(inScope.wrong, inScope.total) > EVAL_TARGETS.inScopeWrong) missed.push("in-scope wrong");
  if (share(outOfScope.declined, outOfScope.total) < EVAL_TARGETS.outOfScopeDeclined) {
    missed.push("out-of-scope declined");
  }
  if (offTopic !== null && share(offTopic.declined, offTopic.total) < EVAL_TARGETS.offTopicDeclined) {
    missed.push("clinc150 declined");
  }
  return missed;
}
