import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { MATCHER_DEFAULTS } from "../../src/matching/config.js";
import { createMatcher, type Matcher } from "../../src/matching/matcher.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/knowledge/matcher/", import.meta.url));

let matcher: Matcher;
beforeAll(() => {
  const kb = loadKnowledgeBase(FIXTURE);
  matcher = createMatcher(kb.entries, {
    extraVocabulary: [...kb.documents.values()].map((document) => document.text),
  });
});

const matchedId = (question: string) => matcher.match(question).match?.id ?? null;

describe("matcher on the fixture knowledge base", () => {
  it("answers the canonical question with full confidence", () => {
    const result = matcher.match("Is there a ceasefire?");
    expect(result.match?.id).toBe("ceasefire-status");
    expect(result.confidence).toBe(1);
    expect(result.suggestions).toEqual([]);
  });

  it("answers paraphrases that use synonyms", () => {
    expect(matchedId("any truce yet?")).toBe("ceasefire-status");
    expect(matchedId("pow swap")).toBe("prisoner-exchange");
    expect(matchedId("who heads russia's negotiating team")).toBe("russian-delegation");
    expect(matchedId("when is the next round of negotiations")).toBe("third-round");
    expect(matchedId("why won't moscow accept a truce")).toBe("putin-ceasefire-reason");
  });

  it("answers questions with typos and spelling variants", () => {
    expect(matchedId("is there a ceasfire")).toBe("ceasefire-status");
    expect(matchedId("medinksy")).toBe("russian-delegation");
    expect(matchedId("what happened in odessa")).toBe("odesa-attack");
    expect(matchedId("Zelenskiy tougher sanctons")).toBe("zelenskyy-sanctions");
  });

  it("answers fragments", () => {
    expect(matchedId("ceasefire?")).toBe("ceasefire-status");
    expect(matchedId("von der leyen")).toBe("european-sanctions");
    expect(matchedId("istanbul talks")).toBe("third-round");
  });

  it("declines near misses about people, places and numbers the data does not cover", () => {
    for (const question of [
      "what did Macron say about the talks",
      "what is China's position",
      "how many soldiers died",
      "what's the weather in istanbul",
      "when is the fourth round",
    ]) {
      expect(matcher.match(question).match, question).toBeNull();
    }
  });

  it("declines a question about another party than the phrasing's, however many words they share", () => {
    expect(matcher.match("who leads ukraine's delegation").match).toBeNull();
  });

  it("declines everyday requests that share only everyday words with an entry", () => {
    expect(matcher.match("what's the date today").match).toBeNull();
    expect(matcher.match("what happened").match).toBeNull();
  });

  it("answers a how-many question only from an entry that puts a number to what is counted", () => {
    expect(matchedId("how many prisoners were exchanged")).toBe("prisoner-exchange");
    expect(matchedId("how many children were killed in odesa")).toBeNull();
    expect(matchedId("how many sanctions did zelenskyy ask for")).toBeNull();
    expect(matchedId("what happened in odesa")).toBe("odesa-attack");
  });

  it("without the quantity rule would answer a count with an entry that gives none", () => {
    const kb = loadKnowledgeBase(FIXTURE);
    const lenient = createMatcher(kb.entries, {
      extraVocabulary: [...kb.documents.values()].map((document) => document.text),
      config: { ...MATCHER_DEFAULTS, noQuantityFactor: 1 },
    });
    expect(lenient.match("how many children were killed in odesa").match?.id).toBe("odesa-attack");
  });

  it("declines with suggestions when two entries are equally close", () => {
    const result = matcher.match("sanctions");
    expect(result.match).toBeNull();
    expect(result.confidence).toBeGreaterThanOrEqual(MATCHER_DEFAULTS.threshold);
    expect(result.suggestions.map((suggestion) => suggestion.id).sort()).toEqual([
      "european-sanctions",
      "zelenskyy-sanctions",
    ]);
  });

  it("offers at most the configured number of suggestions", () => {
    const result = matcher.match("russia ukraine");
    expect(result.suggestions.length).toBeLessThanOrEqual(MATCHER_DEFAULTS.maxSuggestions);
  });

  it("declines empty and blank input without suggestions", () => {
    for (const question of ["", "   ", "?!", "the of and"]) {
      const result = matcher.match(question);
      expect(result.match).toBeNull();
      expect(result.confidence).toBe(0);
      expect(result.suggestions).toEqual([]);
    }
  });

  it("keeps every confidence between 0 and 1", () => {
    for (const question of ["ceasefire", "sanctions", "what is the human cost", "x".repeat(40)]) {
      const { confidence } = matcher.match(question);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it("reads only the start of a very long input, quickly", () => {
    const long = `is there a ceasefire ${"blah ".repeat(20_000)}`;
    const start = performance.now();
    const result = matcher.match(long);
    // A loose sanity bound, not a benchmark: `npm run bench` measures latency.
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.query.words.length).toBeLessThan(200);
  });

  it("lets the threshold be configured", () => {
    const kb = loadKnowledgeBase(FIXTURE);
    const strict = createMatcher(kb.entries, { config: { threshold: 0.99 } });
    expect(strict.match("is there a ceasfire").match).toBeNull();
    expect(strict.match("Is there a ceasefire?").match?.id).toBe("ceasefire-status");
  });
});
