import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import { createAnswerEngine } from "../answers/engine.js";
import { runAblation } from "../evaluation/ablation.js";
import {
  EVAL_TARGETS,
  type EvalSet,
  type EvalSetName,
  evaluateOffTopic,
  evaluateSet,
  type Failure,
  fittingSets,
  type InScopeTally,
  type Judge,
  missedTargets,
  QUESTION_STYLES,
  readEvalSet,
  readOffTopic,
  type SetReport,
  share,
} from "../evaluation/evaluate.js";
import { engineJudge } from "../evaluation/judge.js";
import {
  evaluateSmallTalk,
  readClincSmallTalk,
  readSmallTalkSet,
  SMALL_TALK_FLOORS,
  type SmallTalkReport,
} from "../evaluation/small-talk.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../knowledge/load.js";
import { loadSentenceEncoderOffThread } from "../matching/semantic/encoder-off-thread.js";
import { cachingEmbedder } from "../matching/semantic/vector-cache.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Enough off-topic failures to act on without flooding the terminal. */
const MAX_OFF_TOPIC_FAILURES_SHOWN = 40;

const USAGE = `usage: npm run eval [-- --baseline] [-- --ablation] [-- --show-holdout]
  Scores the matcher on tests/eval/{dev,holdout,regression}.yml and CLINC150's reporting half, and the bot's
  small-talk decision on tests/eval/small-talk.yml.
  --baseline      also score Fuse.js with default options (slow)
  --ablation      also refit and score the matcher without each signal in turn (a few minutes)
  --show-holdout  also list the failures of the questions never tuned on: the holdout's and CLINC150's
                  reporting half's (never tune on them)`;
const FLAGS = new Set(["--baseline", "--ablation", "--show-holdout"]);

const SET_ROLES: Record<EvalSetName, string> = {
  dev: "tuned on",
  holdout: "frozen, never tuned on",
  regression: "first set, tuned on by matcher v1",
};

const percent = (count: number, total: number) => `${(share(count, total) * 100).toFixed(1)}%`.padStart(6);

function tallyRow(label: string, tally: InScopeTally): string {
  return (
    `  ${label.padEnd(17)}${String(tally.total).padStart(4)}  ${percent(tally.right, tally.total)}  ` +
    `${percent(tally.wrong, tally.total)}  ${percent(tally.declined, tally.total)}  ` +
    `${percent(tally.rescued, tally.total)}  ${percent(tally.bare, tally.total)}`
  );
}

function printSetReport(report: SetReport, role: string): void {
  console.log(
    `${report.name} (${role}): ${report.inScope.total} in-scope, ${report.outOfScope.total} out-of-scope`,
  );
  console.log(`  ${"style".padEnd(17)}   n   right   wrong  declin  rescue    bare`);
  for (const style of QUESTION_STYLES) {
    const tally = report.byStyle.get(style);
    if (tally !== undefined && report.byStyle.size > 1) console.log(tallyRow(style, tally));
  }
  console.log(tallyRow("all in-scope", report.inScope));
  if (report.byWriter.size > 1) {
    const writers = [...report.byWriter]
      .map(([writer, { total, right }]) => `${writer} ${percent(right, total).trim()} (${right}/${total})`)
      .join(", ");
    console.log(`    right by writer: ${writers}`);
  }
  console.log(`  in-scope declines answered as small talk: ${report.inScope.smallTalk}`);
  const kinds = [...report.outOfScope.byKind]
    .map(([kind, { total, declined }]) => `${kind} ${declined}/${total}`)
    .join(", ");
  console.log(
    `  out-of-scope declined ${percent(report.outOfScope.declined, report.outOfScope.total).trim()} (${kinds})`,
  );
  if (report.outOfScope.byWriter.size > 1) {
    const writers = [...report.outOfScope.byWriter]
      .map(
        ([writer, { total, declined }]) =>
          `${writer} ${percent(declined, total).trim()} (${declined}/${total})`,
      )
      .join(", ");
    console.log(`    by writer: ${writers}`);
  }
}

function printSmallTalkReport(report: SmallTalkReport): void {
  const { smallTalk, questions } = report;
  console.log(
    `small-talk (by its phrases before matching, by meaning once declined): ${smallTalk.total} small talk, ` +
      `${questions.total} questions around it`,
  );
  console.log(
    `  small talk recognised ${percent(smallTalk.recognised, smallTalk.total).trim()}, ` +
      `as the right kind ${percent(smallTalk.rightKind, smallTalk.total).trim()}`,
  );
  console.log(
    `  questions taken for small talk ${percent(questions.takenForSmallTalk, questions.total).trim()}; ` +
      `answered right ${percent(questions.right, questions.total).trim()} (floor ${SMALL_TALK_FLOORS.questionsRight * 100}%), ` +
      `wrong ${percent(questions.wrong, questions.total).trim()}, declined ${percent(questions.declined, questions.total).trim()}`,
  );
  const { clinc } = report;
  if (clinc === null) return;
  const { intents, others } = clinc;
  console.log(
    `  clinc150 small-talk intents, reporting half (${intents.total}, never read by the bot): recognised ` +
      `${percent(intents.recognised, intents.total).trim()}, as the right kind ${percent(intents.rightKind, intents.total).trim()}`,
  );
  console.log(
    `  other clinc150 queries, reporting half (${others.total}): answered as small talk ` +
      `${percent(others.takenForSmallTalk, others.total).trim()} (still declined)`,
  );
}

function printFailures(failures: readonly Failure[]): void {
  if (failures.length === 0) return;
  console.log("\nFailures (set | style | question | expected | got | suggested | confidence):");
  for (const failure of failures) {
    console.log(
      `  ${failure.set} | ${failure.style} | ${failure.question} | ${failure.expected?.join(",") ?? "decline"} | ` +
        `${failure.got.join(",") || "declined"} | ${failure.suggested.join(",") || "-"} | ${failure.confidence.toFixed(3)}`,
    );
  }
}

/** The reference point: Fuse.js with default options over every phrasing, nearest hit wins. */
function fuseBaseline(kb: KnowledgeBase): Judge {
  const phrasings = kb.entries.flatMap((entry) =>
    [entry.question, ...entry.alternates].map((text) => ({ text, id: entry.id })),
  );
  const fuse = new Fuse(
    phrasings.map((phrasing) => phrasing.text),
    {},
  );
  return async (questions) =>
    questions.map((question) => {
      const hit = fuse.search(question.slice(0, 500), { limit: 1 })[0];
      const id = hit === undefined ? null : (phrasings[hit.refIndex]?.id ?? null);
      return {
        answered: id !== null,
        ids: id === null ? [] : [id],
        suggestions: [],
        confidence: hit === undefined ? 0 : 1 - (hit.score ?? 1),
      };
    });
}

async function scoreAll(
  judge: Judge,
  sets: readonly EvalSet[],
  offTopic: readonly string[] | null,
): Promise<{ reports: SetReport[]; offTopicReport: Awaited<ReturnType<typeof evaluateOffTopic>> | null }> {
  // All at once: this thread matches one set's questions while the model threads embed another's.
  const [reports, offTopicReport] = await Promise.all([
    Promise.all(sets.map((set) => evaluateSet(set, judge))),
    offTopic === null ? null : evaluateOffTopic(offTopic, judge),
  ]);
  return { reports, offTopicReport };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((arg) => !FLAGS.has(arg))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const kb = loadKnowledgeBase(join(REPO_ROOT, "data"));
  const names: EvalSetName[] = ["dev", "holdout", "regression"];
  const sets = names.map((name) => readEvalSet(REPO_ROOT, name));
  const offTopic = readOffTopic(REPO_ROOT);

  // The labelled questions are fixed: their vectors are kept with the curated ones, so the next run takes
  // seconds. Two model threads, one a core: the first run embeds about 7,500 texts.
  const encoder = await loadSentenceEncoderOffThread({ threads: 2 });
  const vectors = cachingEmbedder(encoder);
  const judge = engineJudge(
    await createAnswerEngine(kb, { meaning: { questions: vectors, entries: vectors } }),
  );
  const [{ reports, offTopicReport }, smallTalkReport] = await Promise.all([
    scoreAll(judge, sets, offTopic?.report ?? null),
    evaluateSmallTalk(readSmallTalkSet(REPO_ROOT), judge, readClincSmallTalk(REPO_ROOT)),
  ]);
  console.log(`Matcher (${kb.entries.length} entries)\n`);
  reports.forEach((report, position) => {
    printSetReport(report, SET_ROLES[names[position] as EvalSetName]);
    console.log("");
  });
  if (offTopicReport === null)
    console.log("clinc150: skipped (../shared/eval/clinc150-offtopic.txt not found)");
  else
    console.log(
      `clinc150, reporting half (${offTopicReport.total}, never fitted on): declined ` +
        `${percent(offTopicReport.declined, offTopicReport.total).trim()}; declined with suggestions ` +
        `${offTopicReport.suggested} (${percent(offTopicReport.suggested, offTopicReport.total).trim()})`,
    );

  console.log("");
  printSmallTalkReport(smallTalkReport);

  const holdout = reports[names.indexOf("holdout")] as SetReport;
  const missed = missedTargets(holdout, offTopicReport);
  console.log(
    `\nTargets on holdout: right ≥ ${EVAL_TARGETS.right * 100}%, wrong ≤ ${EVAL_TARGETS.wrong * 100}%, ` +
      `right or rescued ≥ ${EVAL_TARGETS.rightOrRescued * 100}%, bare ≤ ${EVAL_TARGETS.bare * 100}%, ` +
      `out-of-scope declined ≥ ${EVAL_TARGETS.outOfScopeDeclined * 100}%; clinc150 declined ≥ ${EVAL_TARGETS.offTopicDeclined * 100}%`,
  );
  console.log(missed.length === 0 ? "  all targets met" : `  MISSED: ${missed.join(", ")}`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  if (args.includes("--baseline")) {
    console.log("\nBaseline: Fuse.js, default options, over the plain list of phrasings\n");
    const baseline = await scoreAll(fuseBaseline(kb), sets, offTopic?.report ?? null);
    baseline.reports.forEach((report, position) => {
      printSetReport(report, SET_ROLES[names[position] as EvalSetName]);
      console.log("");
    });
    if (baseline.offTopicReport !== null) {
      const { declined, total } = baseline.offTopicReport;
      console.log(`clinc150, reporting half (${total}): declined ${percent(declined, total).trim()}`);
    }
  }

  if (args.includes("--ablation")) {
    console.log(
      "\nAblation: each variant refitted without one signal, scored on sets it was never fitted on",
    );
    const variants = await runAblation(
      kb,
      fittingSets(REPO_ROOT),
      sets.filter((set) => set.name === "holdout"),
      offTopic?.report ?? null,
      { questions: vectors, entries: vectors },
      (line) => process.stderr.write(`${line}\n`),
    );
    console.log(`  ${"variant".padEnd(50)} holdout: right  wrong  r+resc   bare  oos-decl   clinc150 decl`);
    for (const variant of variants) {
      const holdoutReport = variant.reports[0] as SetReport;
      const { inScope, outOfScope } = holdoutReport;
      console.log(
        `  ${variant.name.padEnd(50)}     ${percent(inScope.right, inScope.total)} ${percent(inScope.wrong, inScope.total)} ` +
          `${percent(inScope.right + inScope.rescued, inScope.total)} ${percent(inScope.bare, inScope.total)}   ` +
          `${percent(outOfScope.declined, outOfScope.total)}   ${variant.offTopic === null ? "-" : percent(variant.offTopic.declined, variant.offTopic.total)}`,
      );
    }
  }

  await encoder.close();

  const showHoldout = args.includes("--show-holdout");
  const offTopicFailures = offTopicReport?.failures ?? [];
  printFailures([
    ...reports
      .filter((report) => showHoldout || report.name !== "holdout")
      .flatMap((report) => report.failures),
    ...smallTalkReport.failures,
    // CLINC150's reporting half is, like the holdout, never tuned on: a fix for a query listed here was
    // measured on the query that prompted it.
    ...(showHoldout ? offTopicFailures.slice(0, MAX_OFF_TOPIC_FAILURES_SHOWN) : []),
  ]);
  if (showHoldout && offTopicFailures.length > MAX_OFF_TOPIC_FAILURES_SHOWN) {
    console.log(`  … and ${offTopicFailures.length - MAX_OFF_TOPIC_FAILURES_SHOWN} more clinc150 failures`);
  }
  if (!showHoldout && holdout.failures.length + offTopicFailures.length > 0) {
    console.log(
      `  (${holdout.failures.length} holdout and ${offTopicFailures.length} clinc150 reporting-half failures ` +
        "not listed: they are not for tuning)",
    );
  }
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
