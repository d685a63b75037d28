import { createAnswerEngine } from "../answers/engine.js";
import type { AnsweredQuestion } from "../answers/types.js";
import { EVAL_SET_FILES, type EvalSet, type EvalSetName, readEvalSet } from "../evaluation/evaluate.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Entry, SourceDocument } from "../knowledge/schema.js";
import type { MeaningModel } from "../matching/semantic/meaning-model.js";
import { analyseText } from "./analyse.js";
import type { Drafts } from "./draft.js";

/** The project's labelled sets (tests/eval/), read by the evaluation's own reader. */
export function readEvalQuestions(repoRoot: string): EvalSet[] {
  return (Object.keys(EVAL_SET_FILES) as EvalSetName[]).map((name) => readEvalSet(repoRoot, name));
}

/** Character ranges of a document's sentences, as the drafter's NLP library splits them. */
function sentenceRanges(document: SourceDocument): [number, number][] {
  const text = analyseText(document.text, document.outlets);
  const starts: number[] = [];
  let offset = 0;
  for (const token of text.tokens) {
    offset += token.space.length;
    starts.push(offset);
    offset += token.text.length;
  }
  return text.sentences.map((sentence) => {
    const last = text.tokens[sentence.end];
    return [starts[sentence.start] ?? 0, (starts[sentence.end] ?? 0) + (last?.text.length ?? 0)];
  });
}

/** Which sentences of which document an entry's evidence comes from, as "document#sentence" keys. */
function evidenceSentences(
  entry: Pick<Entry, "evidence" | "sources">,
  kb: KnowledgeBase,
  ranges: Map<string, [number, number][]>,
): Set<string> {
  const keys = new Set<string>();
  for (const source of entry.sources) {
    const document = kb.documents.get(source.document);
    if (document === undefined) continue;
    const at = document.text.indexOf(entry.evidence);
    if (at < 0) continue;
    let sentences = ranges.get(document.id);
    if (sentences === undefined) {
      sentences = sentenceRanges(document);
      ranges.set(document.id, sentences);
    }
    sentences.forEach(([start, end], index) => {
      if (start < at + entry.evidence.length && at < end) keys.add(`${document.id}#${index}`);
    });
  }
  return keys;
}

export interface Score {
  total: number;
  right: number;
  wrong: number;
  declined: number;
}

export interface DraftEvaluation {
  drafted: { entries: number; documents: number };
  /** Per labelled file, and over all of them. */
  sets: { file: string; curatedSameEntry: Score; curatedSameSentence: Score; drafted: Score }[];
  all: { curatedSameEntry: Score; curatedSameSentence: Score; drafted: Score };
  outOfScope: { total: number; curatedDeclined: number; draftedDeclined: number };
}

const empty = (): Score => ({ total: 0, right: 0, wrong: 0, declined: 0 });

function add(score: Score, answered: boolean, right: boolean): void {
  score.total += 1;
  if (right) score.right += 1;
  else if (answered) score.wrong += 1;
  else score.declined += 1;
}

/** A knowledge base that holds the curated documents and nothing but the drafts drawn from them. */
export function draftedKnowledgeBase(curated: KnowledgeBase, drafts: Drafts): KnowledgeBase {
  return {
    version: `drafts-of-${curated.version}`,
    documents: curated.documents,
    entries: drafts.entries,
    entryById: new Map(drafts.entries.map((entry) => [entry.id, entry])),
    entryFingerprints: new Map(drafts.entries.map((entry) => [entry.id, entry.id])),
    status: drafts.status,
    timeline: drafts.timeline,
    entities: curated.entities,
  };
}

/**
 * Runs the labelled questions through the curated knowledge base and through one built from the
 * drafts alone. Draft ids differ from curated ids, so a drafted answer counts as right when its
 * evidence comes from the same sentence of the document as the evidence of an entry the question is
 * labelled with (its `id`, or one of its `also`); the curated set is scored both by that rule and by
 * the labelled entries themselves.
 */
export async function evaluateDrafts(
  curated: KnowledgeBase,
  drafts: Drafts,
  sets: readonly EvalSet[],
  meaning: MeaningModel | null,
): Promise<DraftEvaluation> {
  const curatedEngine = await createAnswerEngine(curated, { meaning });
  const draftedKb = draftedKnowledgeBase(curated, drafts);
  const draftedEngine = await createAnswerEngine(draftedKb, { meaning });
  const ranges = new Map<string, [number, number][]>();
  const sentencesOf = (kb: KnowledgeBase, ids: readonly (string | null)[]) => {
    const keys = new Set<string>();
    for (const id of ids) {
      const entry = id === null ? undefined : kb.entryById.get(id);
      if (entry !== undefined) for (const key of evidenceSentences(entry, kb, ranges)) keys.add(key);
    }
    return keys;
  };
  const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((key) => b.has(key));

  const all = { curatedSameEntry: empty(), curatedSameSentence: empty(), drafted: empty() };
  const outOfScope = { total: 0, curatedDeclined: 0, draftedDeclined: 0 };
  const scored = [];
  for (const set of sets) {
    const questions = set.inScope.map((question) => question.q);
    const mineAll = await curatedEngine.askMany(questions);
    const draftedAll = await draftedEngine.askMany(questions);
    const outQuestions = set.outOfScope.map((question) => question.q);
    const mineOut = await curatedEngine.askMany(outQuestions);
    const draftedOut = await draftedEngine.askMany(outQuestions);
    const scores = {
      file: EVAL_SET_FILES[set.name as EvalSetName] ?? set.name,
      curatedSameEntry: empty(),
      curatedSameSentence: empty(),
      drafted: empty(),
    };
    set.inScope.forEach(({ id, also }, position) => {
      const labelled = [id, ...(also ?? [])];
      const expected = sentencesOf(curated, labelled);
      const mine = (mineAll[position] as AnsweredQuestion).answer;
      const drafted = (draftedAll[position] as AnsweredQuestion).answer;
      const results: [keyof typeof all, boolean, boolean][] = [
        ["curatedSameEntry", mine.answered, mine.answered && mine.id !== null && labelled.includes(mine.id)],
        [
          "curatedSameSentence",
          mine.answered,
          mine.answered && overlaps(sentencesOf(curated, [mine.id]), expected),
        ],
        [
          "drafted",
          drafted.answered,
          drafted.answered && overlaps(sentencesOf(draftedKb, [drafted.id]), expected),
        ],
      ];
      for (const [key, answered, right] of results) {
        add(scores[key], answered, right);
        add(all[key], answered, right);
      }
    });
    outQuestions.forEach((_, position) => {
      outOfScope.total += 1;
      if (!mineOut[position]?.answer.answered) outOfScope.curatedDeclined += 1;
      if (!draftedOut[position]?.answer.answered) outOfScope.draftedDeclined += 1;
    });
    scored.push(scores);
  }
  return {
    drafted: { entries: drafts.entries.length, documents: curated.documents.size },
    sets: scored,
    all,
    outOfScope,
  };
}
