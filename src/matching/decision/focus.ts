import { curatedTerms } from "../analyse.js";
import type { EntityReader } from "../entities.js";
import { wordTable } from "../lexicon.js";
import { toTerm } from "../synonyms.js";
import type { AnswerKind } from "./features.js";

/**
 * What a question asks for, and what an answer says the article does not give, as comparable terms.
 * Curated answers state the gaps they know of ("The article does not name the cities", "gives no start
 * date"): a question whose focus is such a gap ("which cities were hit?", "when did the war start?") is
 * one the data cannot answer, however close its words are.
 */

/** A sentence of an answer that states a gap: "The article does not say…", "It gives no…". */
const GAP = /\b(does not|doesn't|do not|did not|gives no|give no|reports none|has no|names no)\b/i;
/** Words of a gap sentence that say there is a gap rather than what is missing. */
const GAP_WORDING: ReadonlySet<string> = new Set(
  [
    "article",
    "give",
    "say",
    "make",
    "clear",
    "report",
    "none",
    "name",
    "list",
    "other",
    "detail",
    "mean",
    "meant",
  ].map(toTerm),
);
/** Facets a gap may name, as the terms a question's focus uses for them. */
const FACETS: Readonly<Record<string, string>> = wordTable({
  date: "when",
  dates: "when",
  day: "when",
  time: "when",
  start: "when",
  why: "why",
  reason: "why",
  number: "count",
  numbers: "count",
  total: "count",
  totals: "count",
  figure: "count",
  figures: "count",
  place: "where",
  places: "where",
  location: "where",
});

/** The terms of what an answer says the article does not give. */
export function gapTerms(answer: string, entities: EntityReader): ReadonlySet<string> {
  const terms = new Set<string>();
  for (const sentence of answer.split(/(?<=[.;!?]["”’]?)\s+/)) {
    if (!GAP.test(sentence)) continue;
    const words = sentence.toLowerCase().match(/[a-z]+/g) ?? [];
    // "It gives no other reason": one reason is given, so a question asking why is answered.
    const givenInPart = new Set(words.filter((_, position) => words[position - 1] === "other").map(toTerm));
    words.forEach((word) => {
      const facet = FACETS[word];
      if (facet !== undefined && !givenInPart.has(toTerm(word))) terms.add(facet);
    });
    for (const term of curatedTerms(sentence, entities).terms) {
      if (!GAP_WORDING.has(term) && !givenInPart.has(term) && !/^\d+$/.test(term)) terms.add(term);
    }
  }
  return terms;
}

/**
 * Words that make a why-question ask what something means rather than what caused it: "why is it a
 * problem that he skipped the meeting?", "why does it matter?". An answer that gives the significance but
 * not the cause ("does not say why he was absent") answers these.
 */
const SIGNIFICANCE: ReadonlySet<string> = new Set(
  "matter matters mattered problem problems deal important importance significant significance concern concerning worrying worry".split(
    " ",
  ),
);
const asksSignificance = (words: readonly string[]) => words.some((word) => SIGNIFICANCE.has(word));

/** The question word's facet, or the thing after "which"/"what": "which four cities" → city. */
export function focusTerms(words: readonly string[]): ReadonlySet<string> {
  const focus = new Set<string>();
  words.forEach((word, position) => {
    if (word === "why" && asksSignificance(words.slice(position + 1))) return;
    if (word === "why" || word === "when" || word === "where") focus.add(word);
    if (word === "how" && (words[position + 1] === "many" || words[position + 1] === "much"))
      focus.add("count");
    if (word !== "which" && word !== "what") return;
    const next = words
      .slice(position + 1, position + 5)
      .map((following) => curatedTermOf(following))
      .find((term) => term !== null);
    if (next !== null && next !== undefined) focus.add(next);
  });
  return focus;
}

/** Words that only hold a "which/what …" question together ("what are all the…", "what did…"). */
const NOT_A_FOCUS = new Set(
  "is are was were do does did has have had will would can could the a an all of exactly actually really there".split(
    " ",
  ),
);

function curatedTermOf(word: string): string | null {
  if (NOT_A_FOCUS.has(word) || /^\d+$/.test(word)) return null;
  return FACETS[word] ?? toTerm(word);
}

/** Forecasts and opinions ("will the talks succeed?", "do you think…"): the article reports, it does not predict. */
const FORECAST_OPENERS: ReadonlySet<string> = new Set(["will", "would", "should", "shall", "wont"]);
const FORECAST_PHRASES: readonly string[] = [
  "going to",
  "gonna",
  "do you think",
  "you think",
  "chance",
  "chances",
  "likely",
  "likelihood",
  "predict",
  "prediction",
  "odds",
  "your opinion",
  "in your view",
  "realistically",
  "eventually",
];

export function asksForecast(words: readonly string[]): boolean {
  if (FORECAST_OPENERS.has(words[0] ?? "")) return true;
  const text = ` ${words.join(" ")} `;
  return FORECAST_PHRASES.some((phrase) => text.includes(` ${phrase} `));
}

/** Question words that ask for something other than a time, a place or a person. */
const OTHER_WH_WORDS: ReadonlySet<string> = new Set(["what", "which", "why", "how", "whose"]);

/**
 * What a reading asks for, from its first question word: "why does Putin refuse when even Trump is
 * pushing?" asks why, and its "when" joins two clauses.
 */
export function asksFor(words: readonly string[]): AnswerKind | null {
  for (const word of words) {
    if (word === "when") return "when";
    // "Where does this info come from?" asks for a source: an outlet, not a place.
    if (word === "where") return words.includes("from") ? "who" : "where";
    if (word === "who" || word === "whom") return "who";
    if (OTHER_WH_WORDS.has(word)) return null;
  }
  return null;
}
