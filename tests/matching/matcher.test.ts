import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { matcherInputs } from "../../src/answers/matcher-inputs.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { DECISION_MODELS } from "../../src/matching/decision/models.js";
import { createMatcher, MAX_SUGGESTIONS, type Matcher } from "../../src/matching/matcher.js";
import { meaningModel } from "../helpers/meaning.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/knowledge/matcher/", import.meta.url));

let matcher: Matcher;
let wordsOnly: Matcher;
beforeAll(async () => {
  const kb = loadKnowledgeBase(FIXTURE);
  matcher = await createMatcher(kb.entries, {
    ...matcherInputs(kb),
    meaning: await meaningModel(),
    models: DECISION_MODELS,
  });
  wordsOnly = await createMatcher(kb.entries, {
    ...matcherInputs(kb),
    meaning: null,
    models: DECISION_MODELS,
  });
});

const answered = async (question: string) => (await matcher.match(question)).answers[0]?.id ?? null;

describe("matcher on the fixture knowledge base", () => {
  it("answers the canonical question, confidently", async () => {
    const result = await matcher.match("Is there a ceasefire?");
    expect(result.answers.map((answer) => answer.id)).toEqual(["ceasefire-status"]);
    expect(result.confidence).toBeGreaterThan(DECISION_MODELS.withMeaning.answerAt);
    expect(result.suggestions).toEqual([]);
  });

  it("answers paraphrases", async () => {
    expect(await answered("who heads russia's negotiating team")).toBe("russian-delegation");
    expect(await answered("when is the next round of negotiations")).toBe("third-round");
  });

  it("answers questions with typos, and other spellings of names from the entity table", async () => {
    expect(await answered("is there a ceasfire")).toBe("ceasefire-status");
    expect(await answered("medinksy")).toBe("russian-delegation");
    expect(await answered("what happened in odessa")).toBe("odesa-attack");
    expect(await answered("Zelenskiy tougher sanctons")).toBe("zelenskyy-sanctions");
  });

  it("reads a description from the entity table as the name it describes", async () => {
    expect(await answered("what happened in the black sea port city")).toBe("odesa-attack");
  });

  it("answers fragments", async () => {
    expect(await answered("ceasefire?")).toBe("ceasefire-status");
    expect(await answered("istanbul talks")).toBe("third-round");
  });

  it("declines near misses about people, places and numbers the data does not cover", async () => {
    for (const question of [
      "what did Macron say about the talks",
      "what is China's position",
      "how many soldiers died",
      "what's the weather in istanbul",
      "when is the fourth round",
    ]) {
      expect((await matcher.match(question)).answers, question).toEqual([]);
    }
  });

  it("declines a question about another party than the phrasing's, however many words they share", async () => {
    expect((await matcher.match("who leads ukraine's delegation")).answers).toEqual([]);
  });

  it("declines everyday questions, with nothing to suggest", async () => {
    for (const question of ["what's the date today", "how do you make pasta"]) {
      const result = await matcher.match(question);
      expect(result.answers, question).toEqual([]);
      expect(result.suggestions, question).toEqual([]);
    }
  });

  it("answers a how-many question only from an entry that counts what is asked", async () => {
    expect(await answered("how many prisoners were exchanged")).toBe("prisoner-exchange");
    expect(await answered("how many sanctions did zelenskyy ask for")).toBeNull();
  });

  it("offers the close entry when a bare keyword is not enough to answer, and never more than three", async () => {
    const result = await matcher.match("sanctions");
    expect(result.answers).toEqual([]);
    expect(result.suggestions.map((suggestion) => suggestion.id)).toContain("european-sanctions");
    for (const question of ["russia ukraine", "what happened", "talks"]) {
      expect((await matcher.match(question)).suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    }
  });

  it("declines empty and blank input without suggestions", async () => {
    for (const question of ["", "   ", "?!", "the of and"]) {
      const result = await matcher.match(question);
      expect(result.answers).toEqual([]);
      expect(result.confidence).toBe(0);
      expect(result.suggestions).toEqual([]);
    }
  });

  it("keeps every confidence and score between 0 and 1", async () => {
    for (const question of ["ceasefire", "sanctions", "what is the human cost", "x".repeat(40)]) {
      const result = await matcher.match(question);
      for (const value of [result.confidence, ...result.suggestions.map((suggestion) => suggestion.score)]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reads only the start of a very long input", async () => {
    const result = await matcher.match(`is there a ceasefire ${"blah ".repeat(20_000)}`);
    expect(result.normalised.split(" ").length).toBeLessThan(200);
  });

  it("says a message in another language is not English, and matches nothing", async () => {
    const result = await matcher.match("Коли наступний раунд переговорів?");
    expect(result).toMatchObject({ english: false, answers: [], suggestions: [] });
  });

  it("answers many questions as it answers each", async () => {
    const questions = ["Is there a ceasefire?", "how do you make pasta", "medinksy"];
    const ids = (results: { answers: { id: string }[]; suggestions: { id: string }[] }[]) =>
      results.map((result) => [
        result.answers.map((answer) => answer.id),
        result.suggestions.map((s) => s.id),
      ]);
    const together = await matcher.matchMany(questions);
    const apart = await Promise.all(questions.map((question) => matcher.match(question)));
    // The model embeds a batch and a single question to within float rounding: the decisions agree.
    expect(ids(together)).toEqual(ids(apart));
  });

  it("matches by words alone when the meaning model is not loaded", async () => {
    expect(matcher.meaning).toBe(true);
    expect(wordsOnly.meaning).toBe(false);
    expect((await wordsOnly.match("Is there a ceasefire?")).answers[0]?.id).toBe("ceasefire-status");
    expect((await wordsOnly.match("what did Macron say about the talks")).answers).toEqual([]);
  });
});
