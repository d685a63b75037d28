import { NO_PAUSE, type Pause } from "../lifecycle/time-slices.js";
import { curatedTerms, LIGHT_TERMS } from "./analyse.js";
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

export interface Phrasing {
  entry: number;
  text: string;
  terms: readonly string[];
  /** The entities the phrasing names. */
  mentions: ReadonlySet<string>;
  /** False for a question the entry does not answer (see MatchableEntry.unanswered). */
  answers: boolean;
}

/**
 * An inverted index over every phrasing (canonical question and alternates) of every entry: a query only
 * touches the phrasings that share a term with it, so its cost grows with the matches, not the corpus.
 */
export interface PhrasingIndex {
  entryIds: readonly string[];
  phrasings: readonly Phrasing[];
  /** term → ids of the phrasings that contain it */
  postings: ReadonlyMap<string, Int32Array>;
  /** Per entry: every term of its phrasings, tags, answer and evidence (what the entry is about). */
  entryTerms: readonly ReadonlySet<string>[];
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

/** Builds the index, awaiting `pause` between entries (a reload gives requests their turn there). */
export async function buildIndex(
  entries: readonly MatchableEntry[],
  weights: TermWeights,
  entities: EntityReader,
  pause: Pause = NO_PAUSE,
): Promise<PhrasingIndex> {
  const words = new Set<string>();
  const termsOf = (text: string) => {
    for (const word of normaliseWords(text)) words.add(word);
    return curatedTerms(text, entities);
  };
  const phrasings: Phrasing[] = [];

  const entryTerms: Set<string>[] = [];
  const entryMentions: Set<string>[] = [];
  const postingLists = new Map<string, number[]>();
  for (const [entryIndex, entry] of entries.entries()) {
    await pause();
    const about = new Set<string>();
    const named = new Set<string>();
    const texts = [
      ...[entry.question, ...entry.alternates].map((text) => ({ text, answers: true })),
      ...entry.unanswered.map((text) => ({ text, answers: false })),
    ];
    for (const { text, answers } of texts) {
      const read = termsOf(text);
      const terms = [...new Set(read.terms)];
      if (answers) for (const id of read.mentions) named.add(id);
      if (terms.length === 0) continue;
      const id = phrasings.length;
      phrasings.push({ entry: entryIndex, text, terms, mentions: read.mentions, answers });
      for (const term of terms) {
        // What the entry is about comes from what it answers.
        if (answers) about.add(term);
        const list = postingLists.get(term);
        if (list === undefined) postingLists.set(term, [id]);
        else list.push(id);
      }
    }
    for (const text of [...entry.tags, entry.answer, entry.evidence]) {
      const read = termsOf(text);
      for (const term of read.terms) about.add(term);
      for (const id of read.mentions) named.add(id);
    }
    entryTerms.push(about);
    entryMentions.push(named);
  }

  const entryLists = new Map<string, number[]>();
  for (const [entryIndex, about] of entryTerms.entries()) {
    await pause();
    for (const term of about) {
      const list = entryLists.get(term);
      if (list === undefined) entryLists.set(term, [entryIndex]);
      else list.push(entryIndex);
    }
  }
  const documentFrequency = new Map<string, number>();
  const entryPostings = new Map<string, Int32Array>();
  const idf = new Map<string, number>();
  for (const [term, list] of entryLists) {
    await pause();
    documentFrequency.set(term, list.length);
    entryPostings.set(term, Int32Array.from(list));
    idf.set(term, idfFor(list.length, entries.length));
  }

  const unseenIdf = idfFor(0, entries.length);
  const phrasingWeight = new Float64Array(phrasings.length);
  for (const [id, phrasing] of phrasings.entries()) {
    await pause();
    phrasingWeight[id] = phrasing.terms.reduce(
      (sum, term) => sum + termWeight({ idf, unseenIdf }, term, weights),
      0,
    );
  }

  const postings = new Map<string, Int32Array>();
  for (const [term, list] of postingLists) {
    await pause();
    postings.set(term, Int32Array.from(list));
  }
  await pause();
  return {
    entryIds: entries.map((entry) => entry.id),
    phrasings,
    postings,
    entryTerms,
    entryPostings,
    phrasingEntry: Int32Array.from(phrasings, (phrasing) => phrasing.entry),
    entryMentions,
    knownTerms: new Set(documentFrequency.keys()),
    words,
    idf,
    unseenIdf,
    phrasingWeight,
  };
}
