import { NO_PAUSE, type Pause } from "../lifecycle/time-slices.js";
import { curatedTermsOfWords, LIGHT_TERMS } from "./analyse.js";
import type { EntityReader } from "./entities.js";
import { normaliseWords } from "./normalise.js";

/** What the matcher needs of a curated entry (the knowledge base's Entry fits). */
export interface MatchableEntry {
  id: string;
  question: string;
  alternates: readonly string[];
  /** Questions about the entry's subject that its answer does not answer. */
  unanswered: readonly string[];
  tags: readonly string[];
  answer: string;
  evidence: string;
}

/**
 * An inverted index over every phrasing (canonical question and alternates) of every entry: a query only
 * touches the phrasings that share a term with it, so its cost grows with the matches, not the corpus.
 *
 * Per phrasing it keeps flat arrays and shared sets, never an object each: a release of 10,000 entries
 * has some 400,000 phrasings, and objects by the hundred thousand that all outlive their first garbage
 * collections make each collection copy them (pauses of 40–70 ms while a reload is built).
 */
export interface PhrasingIndex {
  entryIds: readonly string[];
  /** Per phrasing: its text, the curated string itself. */
  phrasingText: readonly string[];
  /** Per phrasing: the entities it names (one shared set per combination named). */
  phrasingMentions: readonly ReadonlySet<string>[];
  /** Per phrasing: 0 for a question the entry does not answer (see MatchableEntry.unanswered), else 1. */
  phrasingAnswers: Uint8Array;
  /** term → ids of the phrasings that contain it */
  postings: ReadonlyMap<string, Int32Array>;
  /** term → ids of the entries whose phrasings, tags, answer or evidence use it */
  entryPostings: ReadonlyMap<string, Int32Array>;
  /** Per phrasing: its entry (a typed array: the scoring loop reads it per match). */
  phrasingEntry: Int32Array;
  /** Per entry: every entity its phrasings, answer, evidence or tags name. */
  entryMentions: readonly ReadonlySet<string>[];

  /** Every term any entry uses. */
  knownTerms: ReadonlySet<string>;
  /** Every normalised word of the entries' text, before stemming: spelt right by definition. */
  words: ReadonlySet<string>;
  idf: ReadonlyMap<string, number>;
  /** The weight of a term no entry uses: the top of the idf scale. */
  unseenIdf: number;
  /** Per phrasing: the summed weight of its distinct terms. */
  phrasingWeight: Float64Array;
}

/** BM25's idf: rare terms weigh most, a term in every entry almost nothing. */
function idfFor(documentFrequency: number, entryCount: number): number {
  return Math.log(1 + (entryCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** A term's weight: its idf, or the fixed light weight for generic words. */
export function termWeight(
  index: Pick<PhrasingIndex, "idf" | "unseenIdf">,
  term: string,
  weights: TermWeights,
): number {
  if (LIGHT_TERMS.has(term)) return weights.light;
  return Math.max(weights.floor, index.idf.get(term) ?? index.unseenIdf);
}

export interface TermWeights {
  /** Fixed weight of generic words. */
  light: number;
  /** Least weight of any other known word. */
  floor: number;
}

/** One set per distinct combination of entities: most phrasings name the same few, or none. */
function setInterner(): (ids: Iterable<string>) => ReadonlySet<string> {
  const shared = new Map<string, ReadonlySet<string>>();
  return (ids) => {
    const sorted = [...ids].sort();
    const key = sorted.join("\u0000");
    let set = shared.get(key);
    if (set === undefined) {
      set = new Set(sorted);
      shared.set(key, set);
    }
    return set;
  };
}

/** Builds the index, awaiting `pause` between entries (a reload gives requests their turn there). */
export async function buildIndex(
  entries: readonly MatchableEntry[],
  weights: TermWeights,
  entities: EntityReader,
  pause: Pause = NO_PAUSE,
): Promise<PhrasingIndex> {
  const words = new Set<string>();
  const termsOf = (text: string) => {
    const normalised = normaliseWords(text);
    for (const word of normalised) words.add(word);
    return curatedTermsOfWords(normalised, entities);
  };
  const mentionSet = setInterner();
  // Terms by number: each phrasing's terms are kept as numbers, never as strings of their own.
  const termIds = new Map<string, number>();
  const termOf: string[] = [];
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termOf.length;
      termIds.set(term, id);
      termOf.push(term);
    }
    return id;
  };
  const phrasingText: string[] = [];
  const phrasingMentions: ReadonlySet<string>[] = [];
  const phrasingAnswers: number[] = [];
  const phrasingEntry: number[] = [];
  /** Each phrasing's distinct terms, one after another; phrasing p's end at termEnds[p]. */
  const phrasingTerms: number[] = [];
  const termEnds: number[] = [];
  /** Per term: the phrasings that contain it, and the entries about it. */
  const postingLists: number[][] = [];
  const entryLists: number[][] = [];

  const entryMentions: ReadonlySet<string>[] = [];
  for (const [entryIndex, entry] of entries.entries()) {
    await pause();
    const about = new Set<number>();
    const named = new Set<string>();
    const add = (text: string, answers: boolean) => {
      const read = termsOf(text);
      const terms = new Set(read.terms.map(idOf));
      if (answers) for (const id of read.mentions) named.add(id);
      if (terms.size === 0) return;
      const id = phrasingText.length;
      phrasingText.push(text);
      phrasingMentions.push(mentionSet(read.mentions));
      phrasingAnswers.push(answers ? 1 : 0);
      phrasingEntry.push(entryIndex);
      for (const term of terms) {
        phrasingTerms.push(term);
        // What the entry is about comes from what it answers.
        if (answers) about.add(term);
        const list = postingLists[term];
        if (list === undefined) postingLists[term] = [id];
        else list.push(id);
      }
      termEnds.push(phrasingTerms.length);
    };
    add(entry.question, true);
    for (const text of entry.alternates) add(text, true);
    for (const text of entry.unanswered) add(text, false);
    for (const text of [...entry.tags, entry.answer, entry.evidence]) {
      const read = termsOf(text);
      for (const term of read.terms) about.add(idOf(term));
      for (const id of read.mentions) named.add(id);
    }
    for (const term of about) {
      const list = entryLists[term];
      if (list === undefined) entryLists[term] = [entryIndex];
      else list.push(entryIndex);
    }
    entryMentions.push(mentionSet(named));
  }

  const entryPostings = new Map<string, Int32Array>();
  const idf = new Map<string, number>();
  const weightOf: number[] = [];
  const unseenIdf = idfFor(0, entries.length);
  for (const [term, text] of termOf.entries()) {
    if (term % 1_000 === 0) await pause();
    const list = entryLists[term];
    // A term only unanswered questions use is in no entry's subject: it weighs as an unseen one.
    if (list !== undefined) {
      entryPostings.set(text, Int32Array.from(list));
      idf.set(text, idfFor(list.length, entries.length));
    }
    weightOf[term] = termWeight({ idf, unseenIdf }, text, weights);
  }

  const phrasingWeight = new Float64Array(phrasingText.length);
  let termStart = 0;
  for (const [id, termEnd] of termEnds.entries()) {
    if (id % 1_000 === 0) await pause();
    let weight = 0;
    for (let position = termStart; position < termEnd; position += 1) {
      weight += weightOf[phrasingTerms[position] as number] as number;
    }
    phrasingWeight[id] = weight;
    termStart = termEnd;
  }

  const postings = new Map<string, Int32Array>();
  for (const [term, list] of postingLists.entries()) {
    await pause();
    if (list !== undefined) postings.set(termOf[term] as string, Int32Array.from(list));
  }
  await pause();
  return {
    entryIds: entries.map((entry) => entry.id),
    phrasingText,
    phrasingMentions,
    phrasingAnswers: Uint8Array.from(phrasingAnswers),
    postings,
    entryPostings,
    phrasingEntry: Int32Array.from(phrasingEntry),
    entryMentions,
    knownTerms: new Set(entryPostings.keys()),
    words,
    idf,
    unseenIdf,
    phrasingWeight,
  };
}
