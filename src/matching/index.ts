import { LIGHT_TERMS } from "./analyse.js";
import { ENTITY_KINDS } from "./lexicon.js";
import { contentWords, normaliseWords } from "./normalise.js";
import { toTerm } from "./synonyms.js";

/** What the matcher needs of a curated entry (the knowledge base's Entry fits). */
export interface MatchableEntry {
  id: string;
  question: string;
  alternates: readonly string[];
  tags: readonly string[];
  answer: string;
  evidence: string;
}

export interface Phrasing {
  entry: number;
  text: string;
  terms: readonly string[];
  /** Bit set of the named entities the phrasing mentions (see entityMask). */
  entities: number;
}

/** Each entity term's bit, and each kind's bits, for the "different subject" check. */
const ENTITY_BITS = new Map<string, number>();
/** One mask per entity kind. */
export const ENTITY_KIND_MASKS: readonly number[] = ENTITY_KINDS.map((kind) => {
  let mask = 0;
  for (const word of kind) {
    const bit = 1 << ENTITY_BITS.size;
    ENTITY_BITS.set(toTerm(word), bit);
    mask |= bit;
  }
  return mask;
});

export function entityMask(terms: Iterable<string>): number {
  let mask = 0;
  for (const term of terms) mask |= ENTITY_BITS.get(term) ?? 0;
  return mask;
}

/**
 * True when the question and the phrasing each name an entity of the same kind that the other does not
 * (Ukraine's delegation vs Russia's): they are about different subjects, however many words they share.
 */
export function namesOtherEntity(queryEntities: number, phrasingEntities: number): boolean {
  return ENTITY_KIND_MASKS.some(
    (kind) =>
      (queryEntities & kind & ~phrasingEntities) !== 0 && (phrasingEntities & kind & ~queryEntities) !== 0,
  );
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
  /** Per phrasing: its entry, and its entity bits (typed arrays: the scoring loop reads them per match). */
  phrasingEntry: Int32Array;
  phrasingEntities: Int32Array;

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

export function buildIndex(entries: readonly MatchableEntry[], weights: TermWeights): PhrasingIndex {
  const words = new Set<string>();
  const termsOf = (text: string) => {
    const normalised = normaliseWords(text);
    for (const word of normalised) words.add(word);
    return contentWords(normalised).map(toTerm);
  };
  const phrasings: Phrasing[] = [];

  const entryTerms: Set<string>[] = [];
  const postingLists = new Map<string, number[]>();
  entries.forEach((entry, entryIndex) => {
    const about = new Set<string>();
    for (const text of [entry.question, ...entry.alternates]) {
      const terms = [...new Set(termsOf(text))];
      if (terms.length === 0) continue;
      const id = phrasings.length;
      phrasings.push({ entry: entryIndex, text, terms, entities: entityMask(terms) });
      for (const term of terms) {
        about.add(term);
        const list = postingLists.get(term);
        if (list === undefined) postingLists.set(term, [id]);
        else list.push(id);
      }
    }
    for (const text of [...entry.tags, entry.answer, entry.evidence]) {
      for (const term of termsOf(text)) about.add(term);
    }
    entryTerms.push(about);
  });

  const entryLists = new Map<string, number[]>();
  entryTerms.forEach((about, entryIndex) => {
    for (const term of about) {
      const list = entryLists.get(term);
      if (list === undefined) entryLists.set(term, [entryIndex]);
      else list.push(entryIndex);
    }
  });
  const documentFrequency = new Map<string, number>();
  const entryPostings = new Map<string, Int32Array>();
  for (const [term, list] of entryLists) {
    documentFrequency.set(term, list.length);
    entryPostings.set(term, Int32Array.from(list));
  }
  const idf = new Map<string, number>();
  for (const [term, count] of documentFrequency) idf.set(term, idfFor(count, entries.length));

  const unseenIdf = idfFor(0, entries.length);
  const phrasingWeight = new Float64Array(phrasings.length);
  phrasings.forEach((phrasing, id) => {
    phrasingWeight[id] = phrasing.terms.reduce(
      (sum, term) => sum + termWeight({ idf, unseenIdf }, term, weights),
      0,
    );
  });

  const postings = new Map<string, Int32Array>();
  for (const [term, list] of postingLists) postings.set(term, Int32Array.from(list));

  return {
    entryIds: entries.map((entry) => entry.id),
    phrasings,
    postings,
    entryTerms,
    entryPostings,
    phrasingEntry: Int32Array.from(phrasings, (phrasing) => phrasing.entry),
    phrasingEntities: Int32Array.from(phrasings, (phrasing) => phrasing.entities),
    knownTerms: new Set(documentFrequency.keys()),
    words,
    idf,
    unseenIdf,
    phrasingWeight,
  };
}
