import Fuse from "fuse.js";

/**
 * Words shorter than this are never corrected, and words of exactly this length only for a dropped or
 * swapped letter ("putn", "form"): too many real short words sit one letter apart ("fled", "led").
 */
export const MIN_CORRECTABLE_LENGTH = 4;
const CACHE_LIMIT = 20_000;

/** Typos allowed for a word of this length: one up to 8 letters, two from 9 letters. */
export function allowedEdits(length: number): number {
  if (length < MIN_CORRECTABLE_LENGTH) return 0;
  return length >= 9 ? 2 : 1;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

function isDroppedOrSwapped(typed: string, candidate: string): boolean {
  if (candidate.length === typed.length + 1) return true;
  return candidate.length === typed.length && [...candidate].sort().join("") === [...typed].sort().join("");
}

/** How many letters two words share at their start. */
function sharedPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return length;
}

/** Lexicographic comparison of [distance, is fallback, Fuse score, shared start]: lower is better. */
function isBetter(rank: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < rank.length; index += 1) {
    const a = rank[index] as number;
    const b = than[index] as number;
    if (a !== b) return a < b;
  }
  return false;
}

/** The word and every form of it with up to `edits` letters deleted. */
function deletions(word: string, edits: number): string[] {
  let frontier = [word];
  const all = new Set(frontier);
  for (let round = 0; round < edits; round += 1) {
    const next: string[] = [];
    for (const form of frontier) {
      for (let index = 0; index < form.length; index += 1) {
        const shorter = form.slice(0, index) + form.slice(index + 1);
        if (!all.has(shorter)) {
          all.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return [...all];
}

export interface SpellingCorrector {
  /** The vocabulary word `word` is a typo of, or null when none is close enough. */
  correct(word: string): string | null;
  has(word: string): boolean;
}

/**
 * Corrects a misspelt word against the knowledge base's own vocabulary, so "zelenksy" becomes "zelensky"
 * but "china" never becomes "child". Candidates come from a table of the vocabulary with letters deleted
 * (two words within n edits share a form with at most n letters deleted), which rules out in microseconds
 * the many unknown words that are real words with no near neighbour ("pasta", "timer"). Fuse.js then
 * ranks the few candidates (short strings: where it is strong), and an edit-distance bound decides.
 * Words in `fallbacks` (filler such as "asking") win only when no other word is as close. A word
 * `isOtherForm` accepts is a candidate too when one typo away: an everyday form of a data word that the
 * data never uses ("swapping" for "swaping", where the data has "swap").
 */
export function createSpellingCorrector(
  vocabulary: Iterable<string>,
  fallbacks: ReadonlySet<string> = new Set(),
  isOtherForm: (word: string) => boolean = () => false,
): SpellingCorrector {
  const words = new Set(vocabulary);
  const nearby = new Map<string, string[]>();
  for (const word of words) {
    if (/\d/.test(word) || word.length < MIN_CORRECTABLE_LENGTH - 1) continue;
    // A word of 7+ letters can be the target of a two-edit typo (the typo has 9+ letters minus 2 edits).
    for (const variant of deletions(word, word.length >= 7 ? 2 : 1)) {
      const list = nearby.get(variant);
      if (list === undefined) nearby.set(variant, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }
  const cache = new Map<string, string | null>();
  let longest = 0;
  for (const word of words) longest = Math.max(longest, word.length);

  function lookup(word: string): string | null {
    const limit = allowedEdits(word.length);
    // Past this length no vocabulary word is within reach, and listing a long word's deletions is
    // quadratic: a pasted run of letters would otherwise take the matcher hundreds of milliseconds.
    if (limit === 0 || /\d/.test(word) || word.length > longest + limit) return null;
    const candidates = new Set<string>();
    for (const variant of deletions(word, limit))
      for (const near of nearby.get(variant) ?? []) candidates.add(near);
    // Found from the typo, not from a table: there are thousands of such forms, and few typos to read.
    for (const near of oneEditAway(word)) if (isOtherForm(near)) candidates.add(near);
    if (candidates.size === 0) return null;
    let best: string | null = null;
    let bestRank = [limit + 1, 1, Number.POSITIVE_INFINITY, 0];
    const fuse = new Fuse([...candidates], { includeScore: true, ignoreLocation: true, threshold: 0.5 });
    for (const result of fuse.search(word)) {
      if (word.length === MIN_CORRECTABLE_LENGTH && !isDroppedOrSwapped(word, result.item)) continue;
      const distance = editDistance(word, result.item, limit);
      // Two typos and a wrong first letter is more often another word ("assistance", "resistance").
      if (distance === 2 && word[0] !== result.item[0]) continue;
      // Last, on a tie: the word that keeps more of the typed start ("swaping" is "swapping", not "shaping").
      const rank = [
        distance,
        fallbacks.has(result.item) ? 1 : 0,
        result.score ?? 1,
        -sharedPrefixLength(word, result.item),
      ];
      if (isBetter(rank, bestRank)) {
        best = result.item;
        bestRank = rank;
      }
    }
    return (bestRank[0] as number) <= limit ? best : null;
  }

  return {
    has: (word) => words.has(word),
    correct(word) {
      if (words.has(word)) return word;
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      const corrected = lookup(word);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, corrected);
      return corrected;
    },
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every string one deletion, swap of neighbours, substitution or insertion away from `word`. */
function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let index = 0; index <= word.length; index += 1) {
    const head = word.slice(0, index);
    const tail = word.slice(index);
    if (tail !== "") out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail !== "" && letter !== tail[0]) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return out;
}
