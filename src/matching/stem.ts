/**
 * A deliberately small suffix stripper: enough that "negotiate", "negotiating", "negotiation" and
 * "negotiations" meet on one stem, without a full Porter stemmer's surprises. Both the index and the query
 * go through it, so the stems only need to be consistent, not pretty.
 */

const MIN_STEM = 3;
const NO_UNDOUBLE = new Set(["l", "s", "z"]);

function undouble(stem: string): string {
  const last = stem.at(-1);
  if (last !== undefined && stem.at(-2) === last && !NO_UNDOUBLE.has(last) && /[^aeiou]/.test(last)) {
    return stem.slice(0, -1);
  }
  return stem;
}

function stripPlural(word: string): string {
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (
    word.endsWith("s") &&
    word.length > 3 &&
    !word.endsWith("ss") &&
    !word.endsWith("us") &&
    !word.endsWith("is")
  ) {
    return word.slice(0, -1);
  }
  return word;
}

function stripDerivation(word: string): string {
  if (word.endsWith("ization")) return `${word.slice(0, -7)}iz`;
  if (word.endsWith("ation") && word.length - 5 >= MIN_STEM) return `${word.slice(0, -5)}at`;
  if (word.endsWith("ition") && word.length - 5 >= MIN_STEM) return `${word.slice(0, -5)}it`;
  if (/[st]ion$/.test(word) && word.length - 3 >= MIN_STEM + 1) return word.slice(0, -3);
  if (word.endsWith("ator") && word.length - 4 >= MIN_STEM) return `${word.slice(0, -4)}at`;
  if (word.endsWith("ing") && word.length - 3 >= MIN_STEM) return undouble(word.slice(0, -3));
  if (word.endsWith("ed") && !word.endsWith("eed") && word.length - 2 >= MIN_STEM) {
    return undouble(word.slice(0, -2));
  }
  if (word.endsWith("eed") && word.length > 4) return word.slice(0, -1);
  if (word.endsWith("ness") && word.length - 4 >= MIN_STEM) return word.slice(0, -4);
  if (word.endsWith("ly") && word.length - 2 >= 4) return word.slice(0, -2);
  return word;
}

/** The stem of one normalised word; numbers and short words are left as they are. */
export function stem(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  let stemmed = stripDerivation(stripPlural(word));
  if (stemmed.endsWith("e") && stemmed.length > 4) stemmed = stemmed.slice(0, -1);
  return stemmed;
}
