import {
  ISE_EXCEPTIONS,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  NUMBER_SCALES,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  PHRASES,
  SPELLING_VARIANTS,
  STOP_WORDS,
} from "./lexicon.js";

/**
 * Only the start of a question is read: real questions are short, and a pasted essay must cost no more
 * than a sentence.
 */
export const MAX_QUESTION_CHARS = 500;

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u2032`´]/g;

/** Upper-case "US"/"U.S."/"USA" is the country; lower-case "us" stays the pronoun. */
const US_ABBREVIATION = /\bU\.?S\.?(A\.?)?(?![\p{L}\p{N}])/gu;

function americanSpelling(word: string): string {
  const variant = SPELLING_VARIANTS[word];
  if (variant !== undefined) return variant;
  if (ISE_EXCEPTIONS.has(word) || word.length < 6) return word;
  if (word.endsWith("isation")) return `${word.slice(0, -7)}ization`;
  if (word.endsWith("isations")) return `${word.slice(0, -8)}izations`;
  for (const [british, american] of [
    ["ising", "izing"],
    ["ised", "ized"],
    ["ises", "izes"],
    ["ise", "ize"],
  ] as const) {
    if (word.endsWith(british) && word.length - british.length >= 4) {
      return `${word.slice(0, -british.length)}${american}`;
    }
  }
  return word;
}

const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?\b/g;

/**
 * "22/7", "7/22" and "22.07.2025" as "22 july (2025)": a number above 12 must be the day, which settles
 * the order; dates whose order cannot be told ("5/7") are left alone.
 */
function numericDate(match: string, first: string, second: string, year: string | undefined): string {
  const a = Number(first);
  const b = Number(second);
  const [day, month] = a > 12 && b >= 1 && b <= 12 ? [a, b] : b > 12 && a >= 1 && a <= 12 ? [b, a] : [0, 0];
  if (day === 0 || day > 31) return match;
  const fullYear = year === undefined ? "" : ` ${year.length === 2 ? `20${year}` : year}`;
  return ` ${day} ${MONTH_NAMES[month - 1]}${fullYear} `;
}

const WORD_CACHE_LIMIT = 50_000;
const wordCache = new Map<string, string>();

/** One word's month abbreviation, leading zero and spelling variant resolved (memoised: words repeat). */
function normaliseWord(word: string): string {
  const cached = wordCache.get(word);
  if (cached !== undefined) return cached;
  const month = MONTH_ABBREVIATIONS[word];
  const normalised = month ?? (/^0\d$/.test(word) ? word.slice(1) : americanSpelling(word));
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, normalised);
  return normalised;
}

function numberValue(word: string): number | undefined {
  return NUMBER_WORDS[word];
}

/**
 * Rewrites runs of number words as digits ("one thousand" → "1000", "twenty three" → "23",
 * "a hundred" → "100") and ordinals as their number ("third", "3rd" → "3"), so "1,000" and
 * "a thousand" meet.
 */
function numbersToDigits(words: readonly string[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as string;
    const ordinal =
      ORDINAL_WORDS[word] ?? (/^\d+(st|nd|rd|th)$/.test(word) ? Number.parseInt(word, 10) : undefined);
    if (ordinal !== undefined) {
      out.push(String(ordinal));
      index += 1;
      continue;
    }
    const startsNumber =
      numberValue(word) !== undefined ||
      /^\d+$/.test(word) ||
      (word === "a" && NUMBER_SCALES[words[index + 1] ?? ""] !== undefined) ||
      NUMBER_SCALES[word] !== undefined;
    if (!startsNumber) {
      out.push(word);
      index += 1;
      continue;
    }
    let total = 0;
    let current = 0;
    let consumed = 0;
    while (index + consumed < words.length) {
      const next = words[index + consumed] as string;
      const small = numberValue(next);
      const scale = NUMBER_SCALES[next];
      if (consumed === 0 && next === "a") {
        current = 1;
      } else if (small !== undefined) {
        current += small;
      } else if (/^\d+$/.test(next) && consumed === 0) {
        current = Number.parseInt(next, 10);
      } else if (scale !== undefined) {
        current = (current === 0 ? 1 : current) * scale;
        if (scale >= 1000) {
          total += current;
          current = 0;
        }
      } else {
        break;
      }
      consumed += 1;
    }
    // A lone "one" is nearly always the pronoun ("which one"), not a count.
    out.push(consumed === 1 && word === "one" ? word : String(total + current));
    index += consumed;
  }
  return out;
}

/**
 * The question as plain lower-case words: no diacritics, punctuation, curly quotes or possessives;
 * transliteration and British spelling variants unified; numbers as digits. Nothing is dropped yet.
 */
export function normaliseWords(text: string): string[] {
  let cleaned = text;
  // Most text is plain ASCII: skip the Unicode passes for it (index builds normalise every phrasing).
  const ascii = !/[^ -~\t\n\r]/.test(cleaned);
  if (!ascii) cleaned = cleaned.normalize("NFKD").replace(COMBINING_MARKS, "").replace(APOSTROPHES, "'");
  if (cleaned.includes("U")) cleaned = cleaned.replace(US_ABBREVIATION, " usa ");
  cleaned = cleaned.toLowerCase();
  if (/\d/.test(cleaned)) {
    cleaned = cleaned
      .replace(NUMERIC_DATE, numericDate)
      .replace(/(\d),(?=\d{3}\b)/g, "$1")
      .replace(/\b(\d+)\.5\b/g, "$1 and a half")
      .replace(/\b(\d+)k\b/g, "$1000");
  }
  if (cleaned.includes("'")) {
    cleaned = cleaned
      .replace(/(\p{L})'s\b/gu, "$1")
      .replace(/(\p{L})s'(?!\p{L})/gu, "$1s")
      .replace(/'/g, "");
  }
  cleaned = cleaned.replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, " ").trim();
  if (cleaned === "") return [];
  return numbersToDigits(cleaned.split(" ").map(normaliseWord));
}

/** A run of words to rewrite: the words after its first, and what they become. */
export interface RewriteRule {
  rest: readonly string[];
  replacement: readonly string[];
}

/** Phrase rules by first word, longest first, so a word that starts no phrase costs one map lookup. */
const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly RewriteRule[]> = (() => {
  const byFirst = new Map<string, RewriteRule[]>();
  for (const [phrase, replacement] of Object.entries(PHRASES)) {
    const [first, ...rest] = phrase.split(" ");
    if (first === undefined) continue;
    const rules = byFirst.get(first) ?? [];
    rules.push({ rest, replacement: replacement === "" ? [] : replacement.split(" ") });
    byFirst.set(first, rules);
  }
  for (const rules of byFirst.values()) rules.sort((a, b) => b.rest.length - a.rest.length);
  return byFirst;
})();

/** A word with what the reader found out about it (e.g. whether it was spelling-corrected). */
export interface Token<Tag> {
  word: string;
  tag: Tag;
}

/**
 * Rewrites each run of tokens a rule matches to the rule's replacement, trying the rules of a run's first
 * word in the order given (longest first). The replacement's tokens take the merged tags of the run's;
 * `matched` is told of each rule applied.
 */
export function rewriteRuns<Tag, Rule extends RewriteRule>(
  tokens: readonly Token<Tag>[],
  rulesFor: (word: string) => readonly Rule[] | undefined,
  merge: (tags: Tag[]) => Tag,
  matched: (rule: Rule) => void = () => undefined,
): Token<Tag>[] {
  const out: Token<Tag>[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token<Tag>;
    const rule = rulesFor(token.word)?.find((candidate) =>
      candidate.rest.every((word, offset) => tokens[index + 1 + offset]?.word === word),
    );
    if (rule === undefined) {
      out.push(token);
      index += 1;
      continue;
    }
    const span = tokens.slice(index, index + 1 + rule.rest.length);
    const tag = merge(span.map((spanned) => spanned.tag));
    for (const word of rule.replacement) out.push({ word, tag });
    matched(rule);
    index += span.length;
  }
  return out;
}

/** Multi-word expressions rewritten to one token (longest first); filler phrases vanish. */
function rewritePhrases<Tag>(tokens: readonly Token<Tag>[], merge: (tags: Tag[]) => Tag): Token<Tag>[] {
  return rewriteRuns(tokens, (word) => PHRASES_BY_FIRST_WORD.get(word), merge);
}

const isDayNumber = (token: Token<unknown> | undefined) =>
  token !== undefined && /^\d{1,2}$/.test(token.word);

/**
 * The tokens that carry the question's meaning: phrases rewritten, stop words and filler dropped. "may"
 * survives only as a month beside a day number.
 */
export function contentTokens<Tag>(tokens: readonly Token<Tag>[], merge: (tags: Tag[]) => Tag): Token<Tag>[] {
  const rewritten = rewritePhrases(tokens, merge);
  return rewritten.filter((token, index) => {
    if (token.word === "may") return isDayNumber(rewritten[index - 1]) || isDayNumber(rewritten[index + 1]);
    return !STOP_WORDS.has(token.word);
  });
}

/** contentTokens for plain (curated) text, where there is nothing to tag. */
export function contentWords(words: readonly string[]): string[] {
  return contentTokens(
    words.map((word) => ({ word, tag: null })),
    () => null,
  ).map((token) => token.word);
}
