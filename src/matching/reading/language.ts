import type { eld as languageDetector } from "eld/small";

// ELD's small table: it loads in 0.69 s where the medium one takes 0.91 s, and on 9,238 English questions
// and queries it took 54 for another language where medium took 57 (the known-words check below keeps them
// English either way). Loading it takes 0.75 s of the main thread, and most messages never need it: a
// message whose words are mostly English the bot knows is English whatever ELD would guess. So it loads the
// first time a message needs it, or when the app preloads it while the meaning model loads.
let detector: Promise<typeof languageDetector> | null = null;

/** Loads ELD once; later calls share the first load. */
export function loadLanguageDetector(): Promise<typeof languageDetector> {
  detector ??= import("eld/small").then((module) => module.eld);
  return detector;
}

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
export async function isEnglish(text: string, knowsWord: (word: string) => boolean): Promise<boolean> {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return true;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (latin / letters < 0.5) return false;
  const words = (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/'/g, ""));
  if (words.length < MIN_WORDS) return true;
  const english = words.filter(knowsWord).length;
  if (english / words.length >= 0.5) return true;
  const guess = (await loadLanguageDetector()).detect(text);
  return guess.language === "" || guess.language === "en" || !guess.isReliable();
}
