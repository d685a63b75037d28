// ELD's small table: it loads in 0.69 s where the medium one takes 0.91 s (at every start and in every
// test file), and on 9,238 English questions and queries it took 54 for another language where medium
// took 57 (the known-words check below keeps them English either way).
import { eld } from "eld/small";

/** Below this many words a language guess is noise ("hi", "medinsky?"): such text is read as English. */
const MIN_WORDS = 3;

const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const WORD = /[\p{L}']+/gu;

/**
 * Whether a message is written in English, so the bot can say it reads English instead of declining a
 * question it never understood. A message mostly in another script is not English; a Latin-script one is
 * not when the detector (ELD) is sure of another language and fewer than half its words are English words
 * the bot knows, so non-native English ("what is demand of russia?") still counts as English.
 */
export function isEnglish(text: string, knowsWord: (word: string) => boolean): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return true;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (latin / letters < 0.5) return false;
  const words = (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/'/g, ""));
  if (words.length < MIN_WORDS) return true;
  const guess = eld.detect(text);
  if (guess.language === "" || guess.language === "en" || !guess.isReliable()) return true;
  const english = words.filter(knowsWord).length;
  return english / words.length >= 0.5;
}
