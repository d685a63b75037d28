import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { createAnswerEngine } from "../answers/engine.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Entry, SourceDocument } from "../knowledge/schema.js";
import { analyseText } from "./analyse.js";
import type { Drafts } from "./draft.js";

/** A labelled question: the curated entry whose answer answers it. */
export interface Labelled {
  q: string;
  id: string;
}

const labelledSchema = z.array(z.object({ q: z.string().min(1), id: z.string().min(1) }));
const unlabelledSchema = z.array(z.string().min(1));

export interface EvalQuestions {
  /** Per file of labelled in-scope questions in tests/eval/. */
  labelled: { file: string; questions: Labelled[] }[];
  /** Questions the data cannot answer (out-of-scope sets), which must be declined. */
  outOfScope: string[];
}

/** Every labelled set in `evalDir`: lists of `{ q, id }` are in scope, lists of strings out of scope. */
export function readEvalQuestions(evalDir: string): EvalQuestions {
  const found: EvalQuestions = { labelled: [], outOfScope: [] };
  for (const name of readdirSync(evalDir)
    .filter((file) => file.endsWith(".yml"))
    .sort()) {
    const parsed = parseYaml(readFileSync(join(evalDir, name), "utf8"));
    const labelled = labelledSchema.safeParse(parsed);
    if (labelled.success) found.labelled.push({ file: name, questions: labelled.data });
    else {
      const plain = unlabelledSchema.safeParse(parsed);
      if (plain.success) found.outOfScope.push(...plain.data);
    }
  }
  return found;
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
  };
}

/**
 * Runs the labelled questions through the curated knowledge base and through one built from the
 * drafts alone. Draft ids differ from curated ids, so a drafted answer counts as right when its
 * evidence comes from the same sentence of the document as the evidence of the curated entry the
 * question is labelled with; the curated set is scored both by that rule and by the exact entry.
 */
export function evaluateDrafts(
  curated: KnowledgeBase,
  drafts: Drafts,
  questions: EvalQuestions,
): DraftEvaluation {
  const curatedEngine = createAnswerEngine(curated);
  const draftedKb = draftedKnowledgeBase(curated, drafts);
  const draftedEngine = createAnswerEngine(draftedKb);
  const ranges = new Map<string, [number, number][]>();
  const sentencesOf = (kb: KnowledgeBase, id: string | null) => {
    const entry = id === null ? undefined : kb.entryById.get(id);
    return entry === undefined ? new Set<string>() : evidenceSentences(entry, kb, ranges);
  };
  const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((key) => b.has(key));

  const all = { curatedSameEntry: empty(), curatedSameSentence: empty(), drafted: empty() };
  const sets = questions.labelled.map(({ file, questions: labelled }) => {
    const scores = { file, curatedSameEntry: empty(), curatedSameSentence: empty(), drafted: empty() };
    for (const { q, id } of labelled) {
      const expected = sentencesOf(curated, id);
      const mine = curatedEngine.ask(q).answer;
      const drafted = draftedEngine.ask(q).answer;
      const results: [keyof typeof all, boolean, boolean][] = [
        ["curatedSameEntry", mine.answered, mine.answered && mine.id === id],
        [
          "curatedSameSentence",
          mine.answered,
          mine.answered && overlaps(sentencesOf(curated, mine.id), expected),
        ],
        [
          "drafted",
          drafted.answered,
          drafted.answered && overlaps(sentencesOf(draftedKb, drafted.id), expected),
        ],
      ];
      for (const [key, answered, right] of results) {
        add(scores[key], answered, right);
        add(all[key], answered, right);
      }
    }
    return scores;
  });
  const outOfScope = { total: questions.outOfScope.length, curatedDeclined: 0, draftedDeclined: 0 };
  for (const q of questions.outOfScope) {
    if (!curatedEngine.ask(q).answer.answered) outOfScope.curatedDeclined += 1;
    if (!draftedEngine.ask(q).answer.answered) outOfScope.draftedDeclined += 1;
  }
  return {
    drafted: { entries: drafts.entries.length, documents: curated.documents.size },
    sets,
    all,
    outOfScope,
  };
}
