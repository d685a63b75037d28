import type { KnowledgeBase } from "../knowledge/load.js";
import type { MatcherOptions } from "../matching/matcher.js";

/** What the matcher needs from a knowledge base besides its entries. */
export function matcherInputs(kb: KnowledgeBase): Omit<MatcherOptions, "meaning" | "models"> {
  const documents = [...kb.documents.values()];
  return {
    entities: kb.entities,
    extraVocabulary: documents.map((document) => `${document.title}\n${document.text}`),
    // "what did POLITICO report" is about the talks: the outlets the documents cite are topic words.
    topicNames: documents.flatMap((document) => document.outlets),
  };
}
