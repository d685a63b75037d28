import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { matcherInputs } from "../answers/matcher-inputs.js";
import { FIRST_WRITER, fittingSets, QUESTION_STYLES, readEvalSet } from "../evaluation/evaluate.js";
import { loadKnowledgeBase } from "../knowledge/load.js";
import { type CrossValidation, crossValidate } from "../matching/decision/cross-validate.js";
import { FEATURE_NAMES, WORDS_ONLY_FEATURES } from "../matching/decision/features.js";
import {
  addTally,
  collectFittingQuestions,
  emptyTally,
  fitDecisionModel,
  type Labelled,
  percent,
  type Tally,
} from "../matching/decision/fitting.js";
import type { DecisionModels } from "../matching/decision/model.js";
import { createCandidateReader } from "../matching/matcher.js";
import { loadSentenceEncoder } from "../matching/semantic/embedder.js";
import { cachingEmbedder } from "../matching/semantic/vector-cache.js";

/**
 * `npm run fit`: fits the decision models on labelled questions and writes them to
 * src/matching/decision/models.json. Fitted on the curated alternates and unanswered questions (each read
 * by a matcher that has never seen it, in folds), the dev and regression sets, and CLINC150's fitting
 * half. Never on the holdout set or CLINC150's reporting half, which `npm run eval` reports.
 */
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MODELS_PATH = join(REPO_ROOT, "src", "matching", "decision", "models.json");

const USAGE = `usage: npm run fit [-- --frontier] [-- --cross-validate]
  Fits the decision models and writes src/matching/decision/models.json.
  --frontier        also print, for a range of answer cut-offs, what each would answer on the tuning sets
  --cross-validate  instead, estimate on dev what the fitting does for questions it was not fitted on: dev
                    in five folds, each judged by models fitted without it (writes nothing; a few minutes)`;
const FLAGS = new Set(["--frontier", "--cross-validate"]);

const figures = (t: Tally) =>
  `right ${percent(t.right, t.inScope)}, wrong ${percent(t.wrong, t.inScope)}, right or rescued ` +
  `${percent(t.right + t.rescued, t.inScope)}; out-of-scope answered ${percent(t.outOfScopeAnswered, t.outOfScope)}`;

/** Out-of-scope answered for each writer ("first writer 4.5%, helpers 9.5%"), or nothing with one writer. */
function byWriter(groups: ReadonlyMap<string, Tally>): string {
  const writers = [...groups].filter(([, tally]) => tally.outOfScope > 0);
  if (writers.length < 2) return "";
  const shares = writers.map(
    ([group, tally]) => `${group} ${percent(tally.outOfScopeAnswered, tally.outOfScope)}`,
  );
  return ` (${shares.join(", ")})`;
}

/** An in-scope question's group key: its style for the first writer's questions, "style/writer" for another's. */
const styleGroup = (style: string, writer: string) =>
  writer === FIRST_WRITER ? style : `${style}/${writer}`;

/** The style and writer a group key of styleGroup's names; undefined for a group of out-of-scope questions. */
function readStyleGroup(key: string): { style: string; writer: string } | undefined {
  const [style, writer = FIRST_WRITER] = key.split("/");
  return QUESTION_STYLES.some((known) => known === style) ? { style: style as string, writer } : undefined;
}

/** The sum of the in-scope groups `pick` accepts (empty when it accepts none). */
function sumOf(
  groups: ReadonlyMap<string, Tally>,
  pick: (group: { style: string; writer: string }) => boolean,
): Tally {
  const sum = emptyTally();
  for (const [key, tally] of groups) {
    const group = readStyleGroup(key);
    if (group !== undefined && pick(group)) addTally(sum, tally);
  }
  return sum;
}

/** In-scope right for each style ("chatty 11/16"): where a change to the fitting gains or loses answers. */
function byStyle(groups: ReadonlyMap<string, Tally>): string {
  return QUESTION_STYLES.flatMap((style) => {
    const tally = sumOf(groups, (group) => group.style === style);
    return tally.inScope === 0 ? [] : [`${style} ${tally.right}/${tally.inScope}`];
  }).join(", ");
}

/** In-scope right for each writer, or nothing with one writer: another hand's questions may be harder. */
function rightByWriter(groups: ReadonlyMap<string, Tally>): string {
  const writers = new Set([...groups.keys()].flatMap((key) => readStyleGroup(key)?.writer ?? []));
  if (writers.size < 2) return "";
  const shares = [...writers].map((writer) => {
    const tally = sumOf(groups, (group) => group.writer === writer);
    return `${writer} ${tally.right}/${tally.inScope}`;
  });
  return `; in-scope right by writer: ${shares.join(", ")}`;
}

function printCrossValidation(name: string, result: CrossValidation): void {
  console.log(
    `\n${name}, dev in five folds (${result.chosen.inScope} in-scope, ${result.chosen.outOfScope} out-of-scope; ` +
      "a dev question the regression set also asks is judged in both, in one fold):",
  );
  console.log(
    `  at each fold's chosen cut-off (${result.answerAt.join(", ")}): ${figures(result.chosen)}` +
      byWriter(result.chosenByGroup),
  );
  console.log(`    right by style: ${byStyle(result.chosenByGroup)}${rightByWriter(result.chosenByGroup)}`);
  for (const point of result.sweep)
    console.log(
      `  at ${point.answerAt.toFixed(2)}: ${figures(point.tally)}${byWriter(point.byGroup)}${rightByWriter(point.byGroup)}`,
    );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((arg) => !FLAGS.has(arg))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const frontier = args.includes("--frontier");
  const crossValidating = args.includes("--cross-validate");
  const started = performance.now();
  const kb = loadKnowledgeBase(join(REPO_ROOT, "data"));
  const sets = fittingSets(REPO_ROOT);
  // The fitting questions are fixed: their vectors are kept with the curated ones for the next fit.
  const vectors = cachingEmbedder(await loadSentenceEncoder());
  const entryIds = kb.entries.map((entry) => entry.id);

  console.log("Reading the fitting questions with the meaning signal…");
  const withMeaning = await collectFittingQuestions(kb, sets, (version) =>
    createCandidateReader(version.entries, {
      ...matcherInputs(version),
      meaning: { questions: vectors, entries: vectors },
    }),
  );
  if (crossValidating) {
    const dev = readEvalSet(REPO_ROOT, "dev");
    const devQuestions = new Set([...dev.inScope, ...dev.outOfScope].map((question) => question.q));
    // Dev's out-of-scope questions by writer: a refit learns from the mix, and one writer's near misses may
    // be harder to tell apart than another's.
    const writerOf = new Map(dev.outOfScope.map((question) => [question.q, question.writer ?? FIRST_WRITER]));
    // Dev's in-scope questions by style and writer: a refit may gain in some styles, or for one writer, what
    // it loses elsewhere.
    const styleOf = new Map<string, string>(
      dev.inScope.map((question) => [
        question.q,
        styleGroup(question.style, question.writer ?? FIRST_WRITER),
      ]),
    );
    const isDev = (question: Labelled) =>
      (question.group === "in-scope" || question.group === "out-of-scope") && devQuestions.has(question.q);
    const result = crossValidate(
      withMeaning,
      isDev,
      (training) =>
        fitDecisionModel(training, FEATURE_NAMES, entryIds, () => undefined, { offTopicWeighed: true }),
      entryIds,
      {
        groupOf: (question) =>
          question.group === "out-of-scope" ? writerOf.get(question.q) : styleOf.get(question.q),
      },
    );
    printCrossValidation("With the meaning signal", result);
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s; nothing written)`);
    return 0;
  }
  console.log("Reading them by words alone…");
  const wordsOnly = await collectFittingQuestions(kb, sets, (version) =>
    createCandidateReader(version.entries, { ...matcherInputs(version), meaning: null }),
  );

  const count = (group: Labelled["group"]) =>
    withMeaning.filter((question) => question.group === group).length;
  const log = (line: string) => console.log(line);
  console.log("\nWith the meaning signal:");
  const meaningModel = fitDecisionModel(withMeaning, FEATURE_NAMES, entryIds, log, {
    frontier,
    offTopicWeighed: true,
  });
  console.log("Words only:");
  const wordsModel = fitDecisionModel(wordsOnly, WORDS_ONLY_FEATURES, entryIds, log, { frontier });
  const models: DecisionModels = {
    withMeaning: meaningModel,
    wordsOnly: wordsModel,
    fittedOn: {
      alternates: count("alternate"),
      unanswered: count("unanswered"),
      inScope: count("in-scope"),
      outOfScope: count("out-of-scope"),
      offTopic: count("off-topic"),
    },
  };
  writeFileSync(MODELS_PATH, `${JSON.stringify(models, null, 2)}\n`);
  console.log(`\nWrote ${MODELS_PATH} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

process.exitCode = await main();
