import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { DECLINE_TEXT } from "../../src/answers/messages.js";
import type { AnswerEngine } from "../../src/answers/types.js";
import { loadKnowledgeBase, sourcesFor } from "../../src/knowledge/load.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/knowledge/matcher/", import.meta.url));
const ANSWER_KEYS = ["answered", "asOf", "confidence", "evidence", "id", "sources", "suggestions", "text"];

let engine: AnswerEngine;
beforeAll(() => {
  engine = createAnswerEngine(loadKnowledgeBase(FIXTURE));
});

describe("createAnswerEngine", () => {
  it("answers with the entry's text, sources, date and evidence", () => {
    const { answer } = engine.ask("who heads the kremlin delegation?");
    const entry = engine.kb.entryById.get("russian-delegation");
    expect(entry).toBeDefined();
    expect(Object.keys(answer).sort()).toEqual(ANSWER_KEYS);
    expect(answer).toMatchObject({
      answered: true,
      id: "russian-delegation",
      text: entry?.answer,
      asOf: "2025-07-22",
      evidence: entry?.evidence,
      suggestions: [],
    });
    expect(answer.sources).toEqual(sourcesFor(engine.kb, entry?.sources ?? []));
    expect(answer.sources.map((source) => source.outlet)).toEqual(["Al Jazeera"]);
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it("declines with the decline text, no sources and nulls", () => {
    const { answer } = engine.ask("what did Macron say about the talks");
    expect(Object.keys(answer).sort()).toEqual(ANSWER_KEYS);
    expect(answer).toMatchObject({
      answered: false,
      text: DECLINE_TEXT,
      sources: [],
      id: null,
      asOf: null,
      evidence: null,
    });
  });

  it("suggests the close entries, by id and canonical question, when declining an ambiguous question", () => {
    const { answer } = engine.ask("sanctions");
    expect(answer.answered).toBe(false);
    expect(answer.suggestions).toContainEqual({
      id: "zelenskyy-sanctions",
      question: "What does Zelenskyy want on sanctions?",
    });
    expect(answer.suggestions).toContainEqual({
      id: "european-sanctions",
      question: "What are European leaders doing about sanctions?",
    });
  });

  it("declines a blank question without suggestions", () => {
    for (const question of ["", "   \t"]) {
      const { answer } = engine.ask(question);
      expect(answer).toEqual({
        answered: false,
        text: DECLINE_TEXT,
        sources: [],
        confidence: 0,
        id: null,
        asOf: null,
        evidence: null,
        suggestions: [],
      });
    }
  });

  it("never throws on a 100,000-character question", () => {
    expect(() => engine.ask("ceasefire ".repeat(10_000))).not.toThrow();
    expect(engine.ask("ceasefire ".repeat(10_000)).answer.id).toBe("ceasefire-status");
  });

  it("gives the normalised question for the log, without the raw text", () => {
    const { normalisedQuestion } = engine.ask("Hey, is there a TRUCE with Kiev?!");
    expect(normalisedQuestion).toBe("truce kyiv");
  });

  it("answers an entry chosen by id with full confidence, and null for an unknown id", () => {
    expect(engine.answerEntry("third-round")).toMatchObject({
      answered: true,
      id: "third-round",
      confidence: 1,
    });
    expect(engine.answerEntry("no-such-entry")).toBeNull();
  });
});
