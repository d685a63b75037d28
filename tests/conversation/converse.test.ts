import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { ENGLISH_ONLY_TEXT } from "../../src/answers/messages.js";
import type { AnswerEngine } from "../../src/answers/types.js";
import type { ConversationTurn } from "../../src/conversation/context.js";
import { converse, exampleQuestions, turnAfter } from "../../src/conversation/converse.js";
import { followUpReadings, pointsBack } from "../../src/conversation/follow-up.js";
import { SMALL_TALK_TEXT } from "../../src/conversation/messages.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { FakeEngine } from "../helpers/knowledge.js";
import { meaningModel } from "../helpers/meaning.js";

const DATA = fileURLToPath(new URL("../../data/", import.meta.url));
const AT = new Date("2026-11-30T10:00:00Z");
let engine: AnswerEngine;

beforeAll(async () => {
  engine = await createAnswerEngine(loadKnowledgeBase(DATA), { meaning: await meaningModel() });
});

/** The conversation's last answered question, as the Slack layer remembers it. */
async function turnOf(question: string): Promise<ConversationTurn> {
  const conversed = await converse(engine, question);
  const turn = turnAfter(conversed, question, engine, AT);
  if (turn === null) throw new Error(`"${question}" was not answered`);
  return turn;
}

describe("small talk and other languages, before matching", () => {
  it("answers small talk with its own line and the data's example questions, never asking the engine", async () => {
    const fake = new FakeEngine();
    const conversed = await converse(fake, "thanks!");
    expect(conversed).toMatchObject({
      kind: "small-talk",
      smallTalk: "thanks",
      answer: { answered: false, text: SMALL_TALK_TEXT.thanks, id: null, sources: [] },
    });
    expect(fake.calls).toEqual([]);
    expect(turnAfter(conversed, "thanks!", fake, AT)).toBeNull();
  });

  it("offers the examples status.yml names, three of them", async () => {
    const conversed = await converse(engine, "hi");
    expect(conversed.kind === "small-talk" && conversed.answer.suggestions).toEqual(exampleQuestions(engine));
    expect(exampleQuestions(engine).map((example) => example.id)).toEqual(engine.kb.status.examples);
  });

  it("tells apart a message not in English, which is no question to log", async () => {
    const conversed = await converse(engine, "Коли наступний раунд переговорів?");
    expect(conversed.kind).toBe("not-english");
    expect(conversed.kind === "not-english" && conversed.asked.answer.text).toBe(ENGLISH_ONLY_TEXT);
  });

  it("sends a question wrapped in a greeting to the matcher", async () => {
    const conversed = await converse(engine, "hi! who leads the Russian delegation?");
    expect(conversed).toMatchObject({ kind: "question", followUp: false });
    expect(conversed.kind === "question" && conversed.asked.answer.id).toBe("russian-delegation");
  });
});

describe("follow-ups, read with the conversation's previous question", () => {
  it("reads “and what about Russia?” after Ukraine's demands as Russia's demands", async () => {
    const previous = await turnOf("What are Ukraine's demands?");
    expect(previous.entryId).toBe("ukraine-demands");
    const alone = await converse(engine, "and what about Russia?");
    expect(alone.kind === "question" && alone.asked.answer.answered).toBe(false);
    const conversed = await converse(engine, "and what about Russia?", previous);
    expect(conversed).toMatchObject({ kind: "question", followUp: true });
    expect(conversed.kind === "question" && conversed.asked.answer).toMatchObject({
      answered: true,
      id: "russia-demands",
    });
  });

  it("reads “what about the kids?” after the prisoner exchange as the kidnapped children", async () => {
    const previous = await turnOf("Did Russia and Ukraine agree to a prisoner exchange?");
    const conversed = await converse(engine, "what about the kids?", previous);
    expect(conversed.kind === "question" && conversed.asked.answer.id).toBe("kidnapped-children");
  });

  it("answers “when was that?” from the same entry: it names nothing else", async () => {
    const previous = await turnOf("What happened in Odesa?");
    const conversed = await converse(engine, "when was that?", previous);
    expect(conversed).toMatchObject({ kind: "question", followUp: true });
    expect(conversed.kind === "question" && conversed.asked.answer.id).toBe(previous.entryId);
  });

  it("never repeats the previous answer to a follow-up about something else, and declines what the data lacks", async () => {
    const previous = await turnOf("Who leads Russia's delegation?");
    for (const followUp of ["and the weather?", "what's the weather in Berlin?"]) {
      const conversed = await converse(engine, followUp, previous);
      expect(conversed).toMatchObject({ kind: "question", followUp: false });
      expect(conversed.kind === "question" && conversed.asked.answer.answered).toBe(false);
    }
  });

  it("leaves a question that is answered alone as it is", async () => {
    const previous = await turnOf("What are Ukraine's demands?");
    const conversed = await converse(engine, "Is there a ceasefire?", previous);
    expect(conversed).toMatchObject({ kind: "question", followUp: false });
    expect(conversed.kind === "question" && conversed.asked.answer.id).toBe("ceasefire-status");
  });

  it("remembers a resolved follow-up as the question it turned out to ask", async () => {
    const previous = await turnOf("What are Ukraine's demands?");
    const conversed = await converse(engine, "and what about Russia?", previous);
    expect(turnAfter(conversed, "and what about Russia?", engine, AT)).toEqual({
      question: engine.kb.entryById.get("russia-demands")?.question,
      entryId: "russia-demands",
      at: AT,
    });
  });
});

describe("follow-up readings", () => {
  const previous = { question: "what does ukraine want", entryId: "ukraine-demands", at: AT };

  it("puts a name of the same role in place of the one asked about, whatever its case", () => {
    expect(followUpReadings("what about russia?", previous, engine.kb.entities)).toEqual([
      "what does ukraine want what about russia?",
      "what does russia want",
    ]);
    expect(
      followUpReadings(
        "and the EU?",
        { ...previous, question: "What does Zelenskyy want on sanctions?" },
        engine.kb.entities,
      ),
    ).toContain("What does the EU want on sanctions?");
  });

  it("reads nothing into a message too long to be a follow-up", () => {
    expect(
      followUpReadings("so tell me everything you know about the talks in Istanbul this week", previous, []),
    ).toEqual([]);
  });

  it("knows a follow-up that names nothing of its own", () => {
    expect(pointsBack("when was that?")).toBe(true);
    expect(pointsBack("who said so?")).toBe(true);
    expect(pointsBack("and the kids?")).toBe(false);
  });
});
