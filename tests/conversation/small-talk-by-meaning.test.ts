import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import type { AnswerEngine, AnsweredQuestion } from "../../src/answers/types.js";
import { converse } from "../../src/conversation/converse.js";
import { SMALL_TALK_TEXT } from "../../src/conversation/messages.js";
import {
  SMALL_TALK_KINDS,
  SMALL_TALK_PHRASES,
  type SmallTalkKind,
} from "../../src/conversation/small-talk.js";
import {
  createSmallTalkByMeaning,
  SMALL_TALK_SIMILARITY,
} from "../../src/conversation/small-talk-by-meaning.js";
import { SMALL_TALK_EXAMPLES } from "../../src/conversation/small-talk-examples.js";
import { readClincSmallTalk } from "../../src/evaluation/small-talk.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { Embedder } from "../../src/matching/semantic/embedder.js";
import { FakeEngine } from "../helpers/knowledge.js";
import { meaningModel } from "../helpers/meaning.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A model where every example of a kind lies on that kind's axis, and a text "like <kind> <cosine>" lies
 * at that cosine from it (the rest on an axis of its own): the similarities are whatever a test says.
 */
function axisModel(): { questions: Embedder; entries: Embedder } {
  const axes = SMALL_TALK_KINDS.length + 1;
  const kindOf = new Map<string, SmallTalkKind>();
  for (const kind of SMALL_TALK_KINDS)
    for (const text of [...SMALL_TALK_PHRASES[kind], ...(SMALL_TALK_EXAMPLES[kind] ?? [])])
      kindOf.set(text, kind);
  const vectorOf = (text: string): Float32Array => {
    const vector = new Float32Array(axes);
    const like = /^like (\w+) ([\d.]+)$/.exec(text);
    if (like !== null) {
      const cosine = Number(like[2]);
      vector[SMALL_TALK_KINDS.indexOf(like[1] as SmallTalkKind)] = cosine;
      vector[axes - 1] = Math.sqrt(1 - cosine * cosine);
      return vector;
    }
    const kind = kindOf.get(text);
    vector[kind === undefined ? axes - 1 : SMALL_TALK_KINDS.indexOf(kind)] = 1;
    return vector;
  };
  const embedder: Embedder = { id: "axes", embed: async (texts) => texts.map(vectorOf) };
  return { questions: embedder, entries: embedder };
}

describe("reading small talk by meaning", () => {
  it("reads a text as the kind of its closest example, when at least SMALL_TALK_SIMILARITY close", async () => {
    const reader = await createSmallTalkByMeaning(axisModel());
    const at = (SMALL_TALK_SIMILARITY + 0.001).toFixed(3);
    const below = (SMALL_TALK_SIMILARITY - 0.01).toFixed(3);
    expect(
      await reader.kindsOf([`like thanks ${at}`, `like identity 0.95`, `like greeting ${below}`, "x"]),
    ).toEqual(["thanks", "identity", null, null]);
    expect(await reader.kindsOf([])).toEqual([]);
  });

  it("never asks the model about a text with no words or too many to be small talk", async () => {
    const model = axisModel();
    const asked: string[] = [];
    const questions: Embedder = {
      id: "recording",
      embed: async (texts) => {
        asked.push(...texts);
        return model.questions.embed(texts);
      },
    };
    const reader = await createSmallTalkByMeaning({ ...model, questions });
    const paste = "thanks ".repeat(20_000);
    expect(await reader.kindsOf(["", "  ?! ", paste, `like thanks 0.9`])).toEqual([
      null,
      null,
      null,
      "thanks",
    ]);
    expect(asked).toEqual(["like thanks 0.9"]);
  });

  it("holds exactly the fitting half of CLINC150's small-talk intents, never its reporting half", () => {
    const clinc = readClincSmallTalk(REPO_ROOT);
    if (clinc === null) return expect.fail("../shared/eval/clinc150-offtopic.txt is needed");
    const byKind = new Map<SmallTalkKind, string[]>();
    for (const { q, kind } of clinc.fit) byKind.set(kind, [...(byKind.get(kind) ?? []), q]);
    for (const kind of SMALL_TALK_KINDS)
      expect(SMALL_TALK_EXAMPLES[kind] ?? [], kind).toEqual(byKind.get(kind) ?? []);
    const examples = new Set(Object.values(SMALL_TALK_EXAMPLES).flat());
    expect(clinc.report.filter(({ q }) => examples.has(q))).toEqual([]);
    expect(clinc.fit).toHaveLength(120);
  });
});

describe("small talk no phrase lists, read by the meaning model", () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = await createAnswerEngine(loadKnowledgeBase(`${REPO_ROOT}data`), {
      meaning: await meaningModel(),
    });
  });

  it.each([
    ["thanks a lot for your help!", "thanks"],
    ["are you a real person or a program?", "identity"],
    ["what kind of stuff can I ask about?", "capabilities"],
  ] as const)("answers “%s” as %s, never logged as a question", async (text, kind) => {
    const conversed = await converse(engine, text);
    expect(conversed).toMatchObject({ kind: "small-talk", smallTalk: kind, answer: { answered: false } });
    expect(conversed.kind === "small-talk" && conversed.answer.text).toBe(SMALL_TALK_TEXT[kind]);
  });

  it("still answers a question the data answers, and declines one it does not", async () => {
    const answered = await converse(engine, "who is leading the Russian delegation these days?");
    expect(answered.kind === "question" && answered.asked.answer.id).toBe("russian-delegation");
    const declined = await converse(engine, "what's the weather like in Lisbon tomorrow?");
    expect(declined).toMatchObject({ kind: "question", asked: { answer: { answered: false } } });
  });
});

/** Declines everything, read as thanks by meaning, with the suggestions the matcher came closest to. */
class ThanksByMeaningEngine extends FakeEngine {
  override async ask(question: string): Promise<AnsweredQuestion> {
    const asked = await super.ask(question);
    if (asked.answer.answered) return asked;
    const suggestions = [{ id: "closest", question: "The closest entry?" }];
    return { ...asked, answer: { ...asked.answer, suggestions }, smallTalk: "thanks" };
  }
}

describe("a decline read as small talk, in a conversation", () => {
  it("is answered as small talk, offering the entries the matcher came closest to", async () => {
    const conversed = await converse(new ThanksByMeaningEngine(), "much obliged for all that");
    expect(conversed).toMatchObject({
      kind: "small-talk",
      smallTalk: "thanks",
      answer: { text: SMALL_TALK_TEXT.thanks, suggestions: [{ id: "closest" }] },
    });
  });

  it("stays a question where the text is a message the bot was asked about, not one sent to it", async () => {
    const conversed = await converse(new ThanksByMeaningEngine(), "much obliged for all that", null, false);
    expect(conversed).toMatchObject({ kind: "question", asked: { answer: { answered: false } } });
  });

  it("gives way to a follow-up that the previous question answers", async () => {
    const previous = { question: "when is the next round?", entryId: "other", at: new Date() };
    const conversed = await converse(new ThanksByMeaningEngine(), "and what about Russia?", previous);
    expect(conversed).toMatchObject({
      kind: "question",
      followUp: true,
      asked: { answer: { answered: true } },
    });
  });
});
