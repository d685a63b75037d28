import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { DECLINE_TEXT, ENGLISH_ONLY_TEXT } from "../../src/answers/messages.js";
import type { AnswerEngine } from "../../src/answers/types.js";
import { loadKnowledgeBase, sourcesFor } from "../../src/knowledge/load.js";
import { meaningModel } from "../helpers/meaning.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/knowledge/matcher/", import.meta.url));
const DATA = fileURLToPath(new URL("../../data/", import.meta.url));
const ANSWER_KEYS = ["answered", "asOf", "confidence", "evidence", "id", "sources", "suggestions", "text"];

let engine: AnswerEngine;
let curated: AnswerEngine;
beforeAll(async () => {
  const meaning = await meaningModel();
  engine = await createAnswerEngine(loadKnowledgeBase(FIXTURE), { meaning });
  curated = await createAnswerEngine(loadKnowledgeBase(DATA), { meaning });
});

describe("createAnswerEngine", () => {
  it("matches by meaning as well as words when the model is given", () => {
    expect(engine.meaning).toBe(true);
  });

  it("answers with the entry's text, sources, date and evidence", async () => {
    const { answer, more } = await engine.ask("who heads the kremlin delegation?");
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
    expect(more).toEqual([]);
    expect(answer.sources).toEqual(sourcesFor(engine.kb, entry?.sources ?? []));
    expect(answer.sources.map((source) => source.outlet)).toEqual(["Al Jazeera"]);
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it("declines a question about someone the data does not name, with the decline text and nulls", async () => {
    const { answer } = await engine.ask("what did Macron say about the talks");
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

  it("offers the close entry, by id and canonical question, when declining a bare keyword", async () => {
    const { answer } = await engine.ask("sanctions");
    expect(answer.answered).toBe(false);
    expect(answer.suggestions).toContainEqual({
      id: "european-sanctions",
      question: "What are European leaders doing about sanctions?",
    });
  });

  it("declines a blank question without suggestions", async () => {
    for (const question of ["", "   \t"]) {
      const { answer } = await engine.ask(question);
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

  it("reads a 100,000-character message without throwing, and still finds what it is about", async () => {
    const { answer } = await engine.ask("ceasefire ".repeat(10_000));
    expect([answer.id, ...answer.suggestions.map((suggestion) => suggestion.id)]).toContain(
      "ceasefire-status",
    );
  });

  it("gives the normalised question for the log, without the raw text (names as the entity table has them)", async () => {
    const { normalisedQuestion } = await engine.ask("Hey, is there a TRUCE with Kiev?!");
    expect(normalisedQuestion).toBe("truce ukraine");
  });

  it("answers an entry chosen by id with full confidence, and null for an unknown id", () => {
    expect(engine.answerEntry("third-round")).toMatchObject({
      answered: true,
      id: "third-round",
      confidence: 1,
    });
    expect(engine.answerEntry("no-such-entry")).toBeNull();
  });

  it("answers askMany in order, as ask would one by one", async () => {
    const questions = [
      "who heads the kremlin delegation?",
      "how do you make pasta",
      "what happened in odesa",
    ];
    const many = await engine.askMany(questions);
    const one = await Promise.all(questions.map((question) => engine.ask(question)));
    expect(many.map((asked) => asked.answer.id)).toEqual(one.map((asked) => asked.answer.id));
    expect(many.map((asked) => asked.answer.id)).toEqual(["russian-delegation", null, "odesa-attack"]);
  });
});

describe("the shape of an answer", () => {
  it("opens with Yes only when the question asks yes or no", async () => {
    const yesNo = await curated.ask("is russia escalating its attacks?");
    expect(yesNo.answer.id).toBe("russian-escalation");
    expect(yesNo.answer.text.startsWith("Yes. ")).toBe(true);
    const open = await curated.ask("how many prisoners will be exchanged?");
    expect(open.answer.id).toBe("prisoner-exchange");
    expect(curated.kb.entryById.get("prisoner-exchange")?.answer.startsWith("Yes. ")).toBe(true);
    expect(open.answer.text.startsWith("Yes")).toBe(false);
    expect(open.answer.text).toContain("1,000 prisoners");
  });

  it("answers a how-many question with an entry that counts one ('killed a child')", async () => {
    const { answer } = await curated.ask("how many people were killed in odesa?");
    expect(answer.id).toBe("odesa-attack");
  });

  it("answers both things a message asks, in the order asked, each with its sources", async () => {
    const { answer, more } = await curated.ask(
      "Who leads Russia's delegation, and why does Russia oppose a ceasefire?",
    );
    expect(answer.id).toBe("russian-delegation");
    expect(more.map((other) => other.id)).toEqual(["putin-ceasefire-reason"]);
    expect(more[0]?.sources.length).toBeGreaterThan(0);
    // Where only one answer is shown (ask --json), the other is offered.
    expect(answer.suggestions.map((suggestion) => suggestion.id)).toContain("putin-ceasefire-reason");
  });

  it("says it reads English, with the data's example questions, to a question in another language", async () => {
    const { answer, normalisedQuestion } = await curated.ask("Коли наступний раунд переговорів у Стамбулі?");
    expect(answer).toMatchObject({ answered: false, text: ENGLISH_ONLY_TEXT, id: null, sources: [] });
    expect(answer.suggestions.map((suggestion) => suggestion.id)).toEqual(curated.kb.status.examples);
    expect(normalisedQuestion).toBe("");
  });

  it("reads Slack markup, mentions and greetings around the question", async () => {
    for (const question of [
      "<@U123> *who* leads the Kremlin delegation? :thinking_face:",
      "hey all! quick q — who is heading russia's team? thanks",
    ]) {
      expect((await curated.ask(question)).answer.id).toBe("russian-delegation");
    }
  });

  it("reads another name for a person from the entity table", async () => {
    expect((await curated.ask("what did the EU chief promise?")).answer.id).toBe("european-sanctions");
  });

  it("declines what an entry lists as a question it does not answer, offering the entry", async () => {
    const { answer } = await curated.ask("which cities were hit on 22 july?");
    expect(answer.answered).toBe(false);
    expect(answer.suggestions.map((suggestion) => suggestion.id)).toContain("july-22-strikes");
  });
});

describe("without the meaning model", () => {
  it("still answers by words, and says so", async () => {
    const wordsOnly = await createAnswerEngine(loadKnowledgeBase(FIXTURE), { meaning: null });
    expect(wordsOnly.meaning).toBe(false);
    expect((await wordsOnly.ask("who heads the kremlin delegation?")).answer.id).toBe("russian-delegation");
    expect((await wordsOnly.ask("how do you make pasta")).answer.answered).toBe(false);
  });
});
