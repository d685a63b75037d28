import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import { createAnswerEngine } from "../answers/engine.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../knowledge/load.js";
import {
  EVAL_TARGETS,
  type EvalReport,
  type EvalSets,
  evaluate,
  missedTargets,
  OFF_TOPIC_PATH,
  readEvalSets,
  share,
  type Verdict,
} from "../matching/evaluation.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Enough off-topic failures to act on without flooding the terminal. */
const MAX_OFF_TOPIC_FAILURES_SHOWN = 60;

const percent = (count: number, total: number) => `${(share(count, total) * 100).toFixed(1)}%`;

function printReport(title: string, report: EvalReport): void {
  const { inScope, outOfScope, offTopic } = report;
  console.log(title);
  console.log(
    `  in-scope (${inScope.total}):      correct ${percent(inScope.correct, inScope.total)}` +
      `   wrong ${percent(inScope.wrong, inScope.total)}   declined ${percent(inScope.declined, inScope.total)}`,
  );
  console.log(
    `  out-of-scope (${outOfScope.total}):   declined ${percent(outOfScope.declined, outOfScope.total)}`,
  );
  if (offTopic === null) console.log(`  clinc150: skipped (${OFF_TOPIC_PATH} not found)`);
  else
    console.log(`  clinc150 (${offTopic.total}):   declined ${percent(offTopic.declined, offTopic.total)}`);
}

function printFailures(report: EvalReport): void {
  const shown = [
    ...report.failures.filter((failure) => failure.set !== "clinc150"),
    ...report.failures.filter((failure) => failure.set === "clinc150").slice(0, MAX_OFF_TOPIC_FAILURES_SHOWN),
  ];
  if (shown.length === 0) return;
  console.log("\nFailures (set | question | expected | got | confidence):");
  for (const failure of shown) {
    console.log(
      `  ${failure.set} | ${failure.question} | ${failure.expected ?? "decline"} | ` +
        `${failure.got ?? "declined"} | ${failure.confidence.toFixed(3)}`,
    );
  }
  const hidden = report.failures.length - shown.length;
  if (hidden > 0) console.log(`  … and ${hidden} more clinc150 failures`);
}

/** The reference point: Fuse.js with default options over every phrasing, nearest hit wins. */
function fuseBaseline(kb: KnowledgeBase): (question: string) => Verdict {
  const phrasings = kb.entries.flatMap((entry) =>
    [entry.question, ...entry.alternates].map((text) => ({ text, id: entry.id })),
  );
  const fuse = new Fuse(
    phrasings.map((phrasing) => phrasing.text),
    {},
  );
  return (question) => {
    const hit = fuse.search(question.slice(0, 500), { limit: 1 })[0];
    const id = hit === undefined ? null : (phrasings[hit.refIndex]?.id ?? null);
    return { answered: id !== null, id, confidence: hit === undefined ? 0 : 1 - (hit.score ?? 1) };
  };
}

function main(): number {
  const kb = loadKnowledgeBase(join(REPO_ROOT, "data"));
  const sets: EvalSets = readEvalSets(REPO_ROOT);
  const engine = createAnswerEngine(kb);
  const report = evaluate(sets, (question) => {
    const { answer } = engine.ask(question);
    return { answered: answer.answered, id: answer.id, confidence: answer.confidence };
  });

  printReport(`Matcher (${kb.entries.length} entries)`, report);
  console.log(
    `  targets: in-scope correct ≥ ${EVAL_TARGETS.inScopeCorrect * 100}%, wrong ≤ ${EVAL_TARGETS.inScopeWrong * 100}%, ` +
      `out-of-scope declined ≥ ${EVAL_TARGETS.outOfScopeDeclined * 100}%, clinc150 declined ≥ ${EVAL_TARGETS.offTopicDeclined * 100}%`,
  );
  const missed = missedTargets(report);
  console.log(missed.length === 0 ? "  all targets met" : `  MISSED: ${missed.join(", ")}`);

  console.log("");
  printReport(
    "Baseline: Fuse.js, default options, over the plain list of phrasings",
    evaluate(sets, fuseBaseline(kb)),
  );

  printFailures(report);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = main();
