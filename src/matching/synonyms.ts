import stem from "wink-porter2-stemmer";
import { EVERYDAY_FORMS, SYNONYM_GROUPS, TOPIC_WORDS } from "./lexicon.js";

/** Stem → the stem of its group's first word, for every word in a synonym group. */
function buildSynonymMap(groups: readonly (readonly string[])[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const canonical = stem(group[0] as string);
    for (const word of group) map.set(stem(word), canonical);
  }
  return map;
}

const SYNONYMS = buildSynonymMap(SYNONYM_GROUPS);

/** Stems that two different synonym groups claim; the lexicon is broken while this is non-empty. */
export function synonymConflicts(): string[] {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const group of SYNONYM_GROUPS) {
    const canonical = stem(group[0] as string);
    for (const word of group) {
      const key = stem(word);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== canonical)
        conflicts.push(`${word} (${previous} / ${canonical})`);
      owner.set(key, canonical);
    }
  }
  return conflicts;
}

/** Every word a query or an entry may use for a concept, as the stems the synonym groups know. */
export const SYNONYM_WORDS: readonly string[] = SYNONYM_GROUPS.flat();

const TERM_CACHE_LIMIT = 50_000;
const termCache = new Map<string, string>();

/** One word as the index stores it: stemmed, then rewritten to its synonym group's form (memoised). */
export function toTerm(word: string): string {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stem(word);
  const term = SYNONYMS.get(stemmed) ?? stemmed;
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, term);
  return term;
}

const TOPIC_TERMS: ReadonlySet<string> = new Set(TOPIC_WORDS.map(toTerm));

/**
 * Whether a word places a question in the subject (see TOPIC_WORDS): numbers do, and so does any word of a
 * topic word's synonym group, except the everyday forms ("talk to you").
 */
export function isTopicWord(word: string): boolean {
  if (EVERYDAY_FORMS.has(word)) return false;
  return /^\d+$/.test(word) || TOPIC_TERMS.has(toTerm(word));
}
