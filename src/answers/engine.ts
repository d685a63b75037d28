import { createSmallTalkByMeaning } from "../conversation/small-talk-by-meaning.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import { sourcesFor } from "../knowledge/load.js";
import type { Entry } from "../knowledge/schema.js";
import type { Pause } from "../lifecycle/time-slices.js";
import type { DecisionModels } from "../matching/decision/model.js";
import { DECISION_MODELS } from "../matching/decision/models.js";
import { createMatcher, type MatchResult } from "../matching/matcher.js";
import type { MeaningModel } from "../matching/semantic/meaning-model.js";
import { matcherInputs } from "./matcher-inputs.js";
import { DECLINE_TEXT, ENGLISH_ONLY_TEXT } from "./messages.js";
import type { Answer, AnswerEngine, AnsweredQuestion, Suggestion } from "./types.js";

/** Confidence is reported to three decimals: enough to compare, stable in JSON. */
function roundConfidence(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Only a yes/no question is answered "Yes. …": "who brokered the exchange?" gets the facts alone. */
const YES_OR_NO = /^(Yes|No)\.\s+/;

export interface AnswerEngineOptions {
  /** The meaning model (shared by every data version); null matches by words alone. */
  meaning: MeaningModel | null;
  /** The fitted decision models; the committed ones by default. */
  models?: DecisionModels;
  /** Awaited between steps of the build: time slices when the bot is serving meanwhile (a reload). */
  pause?: Pause;
}

/**
 * Answers questions from the curated entries of `kb`: the matched entry's answer with its sources, date and
 * evidence (two answers when a message asks two things), or a decline with up to three "did you mean"
 * suggestions. Pure apart from the model: no clock, no I/O.
 */
export async function createAnswerEngine(
  kb: KnowledgeBase,
  options: AnswerEngineOptions,
): Promise<AnswerEngine> {
  const matcher = await createMatcher(kb.entries, {
    ...matcherInputs(kb),
    meaning: options.meaning,
    models: options.models ?? DECISION_MODELS,
    pause: options.pause,
  });

  // Resolved once per data version, not per answer; frozen because every answer of the entry shares it.
  const frozenSources = (entry: Entry) =>
    Object.freeze(sourcesFor(kb, entry.sources).map((source) => Object.freeze(source)));
  const entrySources = new Map(kb.entries.map((entry) => [entry.id, frozenSources(entry)] as const));
  const suggestionOf = (id: string): Suggestion[] => {
    const entry = kb.entryById.get(id);
    return entry === undefined ? [] : [{ id: entry.id, question: entry.question }];
  };
  const examples = kb.status.examples ?? kb.entries.slice(0, 3).map((entry) => entry.id);
  // Only with the meaning model: without it, small talk is read by its phrases alone (before matching).
  const smallTalk = options.meaning === null ? null : await createSmallTalkByMeaning(options.meaning);

  function entryAnswer(entry: Entry, confidence: number, yesNo = true): Answer {
    return {
      answered: true,
      text: yesNo ? entry.answer : entry.answer.replace(YES_OR_NO, ""),
      sources: entrySources.get(entry.id) ?? sourcesFor(kb, entry.sources),
      confidence,
      id: entry.id,
      asOf: entry.asOf,
      evidence: entry.evidence,
      suggestions: [],
    };
  }

  function declined(text: string, confidence: number, suggestions: Suggestion[]): Answer {
    return {
      answered: false,
      text,
      sources: [],
      confidence,
      id: null,
      asOf: null,
      evidence: null,
      suggestions,
    };
  }

  function toAnswered(result: MatchResult): AnsweredQuestion {
    const normalisedQuestion = result.normalised;
    const confidence = roundConfidence(result.confidence);
    if (!result.english) {
      return {
        normalisedQuestion,
        answer: declined(ENGLISH_ONLY_TEXT, 0, examples.flatMap(suggestionOf)),
        more: [],
      };
    }
    const answers = result.answers.flatMap((scored) => {
      const entry = kb.entryById.get(scored.id);
      return entry === undefined ? [] : [{ entry, confidence: roundConfidence(scored.score) }];
    });
    const [main, ...rest] = answers;
    if (main === undefined) {
      const suggestions = result.suggestions.flatMap((suggestion) => suggestionOf(suggestion.id));
      return { normalisedQuestion, answer: declined(DECLINE_TEXT, confidence, suggestions), more: [] };
    }
    const more = rest.map(({ entry, confidence: score }) => entryAnswer(entry, score));
    const answer = entryAnswer(main.entry, main.confidence, result.yesNo);
    // The other thing the message asked, answered or nearly: offered where only one answer is shown.
    answer.suggestions = [...more.map((other) => other.id as string), ...result.suggestions.map((s) => s.id)]
      .flatMap(suggestionOf)
      .slice(0, 3);
    return { normalisedQuestion, answer, more };
  }

  async function askMany(questions: readonly string[]): Promise<AnsweredQuestion[]> {
    const asked = (await matcher.matchMany(questions)).map(toAnswered);
    if (smallTalk === null) return asked;
    // A decline may be small talk worded in a way no phrase lists ("thanks for helping"): read by meaning.
    const declined = asked.flatMap((answered, position) =>
      answered.answer.answered || answered.answer.text !== DECLINE_TEXT ? [] : [position],
    );
    const kinds = await smallTalk.kindsOf(declined.map((position) => questions[position] as string));
    declined.forEach((position, index) => {
      const kind = kinds[index];
      if (kind !== null && kind !== undefined) (asked[position] as AnsweredQuestion).smallTalk = kind;
    });
    return asked;
  }

  function answerEntry(id: string): Answer | null {
    const entry = kb.entryById.get(id);
    // Chosen by id, not matched: the entry is certain to be the one asked for.
    return entry === undefined ? null : entryAnswer(entry, 1);
  }

  return {
    kb,
    meaning: matcher.meaning,
    async ask(question) {
      return (await askMany([question]))[0] as AnsweredQuestion;
    },
    askMany,
    answerEntry,
  };
}
