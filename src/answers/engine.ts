import type { KnowledgeBase } from "../knowledge/load.js";
import { sourcesFor } from "../knowledge/load.js";
import type { Entry } from "../knowledge/schema.js";
import { createMatcher, type MatcherOptions } from "../matching/matcher.js";
import { DECLINE_TEXT } from "./messages.js";
import type { Answer, AnswerEngine, AnsweredQuestion } from "./types.js";

/** Confidence is reported to three decimals: enough to compare, stable in JSON. */
function roundConfidence(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Answers questions from the curated entries of `kb`: the matched entry's answer with its sources, date and
 * evidence, or a decline with up to three "did you mean" suggestions. Pure: no clock, no I/O.
 */
export function createAnswerEngine(kb: KnowledgeBase, options: MatcherOptions = {}): AnswerEngine {
  const documents = [...kb.documents.values()];
  const matcher = createMatcher(kb.entries, {
    ...options,
    extraVocabulary: [
      ...documents.map((document) => `${document.title}\n${document.text}`),
      ...(options.extraVocabulary ?? []),
    ],
    // "what did POLITICO report" is about the talks: the outlets the documents cite are topic words.
    topicNames: [...documents.flatMap((document) => document.outlets), ...(options.topicNames ?? [])],
  });

  // Resolved once per data version, not per answer; frozen because every answer of the entry shares it.
  const frozenSources = (entry: Entry) =>
    Object.freeze(sourcesFor(kb, entry.sources).map((source) => Object.freeze(source)));
  const entrySources = new Map(kb.entries.map((entry) => [entry.id, frozenSources(entry)] as const));

  function entryAnswer(entry: Entry, confidence: number): Answer {
    return {
      answered: true,
      text: entry.answer,
      sources: entrySources.get(entry.id) ?? sourcesFor(kb, entry.sources),
      confidence,
      id: entry.id,
      asOf: entry.asOf,
      evidence: entry.evidence,
      suggestions: [],
    };
  }

  function ask(question: string): AnsweredQuestion {
    const result = matcher.match(question);
    const normalisedQuestion = result.query.words.join(" ");
    const confidence = roundConfidence(result.confidence);
    const entry = result.match === null ? undefined : kb.entryById.get(result.match.id);
    if (entry !== undefined) return { normalisedQuestion, answer: entryAnswer(entry, confidence) };
    const suggestions = result.suggestions.flatMap((suggestion) => {
      const suggested = kb.entryById.get(suggestion.id);
      return suggested === undefined ? [] : [{ id: suggested.id, question: suggested.question }];
    });
    return {
      normalisedQuestion,
      answer: {
        answered: false,
        text: DECLINE_TEXT,
        sources: [],
        confidence,
        id: null,
        asOf: null,
        evidence: null,
        suggestions,
      },
    };
  }

  function answerEntry(id: string): Answer | null {
    const entry = kb.entryById.get(id);
    // Chosen by id, not matched: the entry is certain to be the one asked for.
    return entry === undefined ? null : entryAnswer(entry, 1);
  }

  return { kb, ask, answerEntry };
}
