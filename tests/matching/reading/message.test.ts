import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/matching/reading/message.js";

const texts = (message: string, question = 0) =>
  readMessage(message)
    .readings.filter((reading) => reading.question === question)
    .map((reading) => reading.text);

describe("readMessage", () => {
  it("reads a plain question as itself", () => {
    expect(readMessage("when is the next round?")).toEqual({
      plainText: "when is the next round?",
      readings: [{ text: "when is the next round?", question: 0 }],
      questions: 1,
    });
  });

  it("sets greetings, address and sign-offs apart from the question", () => {
    expect(texts("hey all, quick q — anyone know when the next round is? thanks!")).toEqual([
      "anyone know when the next round is?",
    ]);
    expect(texts("hi bot :) who's running the Russian delegation these days?")).toEqual([
      "who's running the Russian delegation these days?",
    ]);
  });

  it("sets apart who a message is addressed to only after a greeting or before punctuation", () => {
    expect(texts("hey team, when is the next round?")).toEqual(["when is the next round?"]);
    expect(texts("talks, when is the next round?")).toEqual(["when is the next round?"]);
    expect(texts("People keep calling it last-ditch, why?")[0]).toBe("why?");
    expect(texts("People keep calling it last-ditch, why?")).toContain(
      "People keep calling it last-ditch, why?",
    );
    expect(texts("talks in istanbul when?")).toEqual(["talks in istanbul when?"]);
  });

  it("finds the question after background, and also reads it with what came just before", () => {
    const readings = texts(
      "I moved here in spring so I'm behind on the news. There is another round coming up. When is it?",
    );
    expect(readings[0]).toBe("When is it?");
    expect(readings).toContain("There is another round coming up. When is it?");
  });

  it("finds each of two questions in one sentence", () => {
    const message = readMessage("Who is heading that delegation, and why are they calling it low-level?");
    expect(message.questions).toBe(2);
    expect(texts("Who is heading that delegation, and why are they calling it low-level?", 0)[0]).toBe(
      "Who is heading that delegation",
    );
    expect(texts("Who is heading that delegation, and why are they calling it low-level?", 1)[0]).toBe(
      "why are they calling it low-level?",
    );
  });

  it("also reads a second question of a sentence with the clause before, where what it refers to is", () => {
    const message = "what about Crimea, does Ukraine want that back too?";
    expect(readMessage(message).questions).toBe(2);
    expect(texts(message, 0)).toEqual(["what about Crimea"]);
    expect(texts(message, 1)).toEqual([
      "does Ukraine want that back too?",
      "what about Crimea does Ukraine want that back too?",
    ]);
  });

  it("keeps 'when and where' as one question", () => {
    expect(readMessage("When and where is it?").questions).toBe(1);
  });

  it("reads a quoted line together with the question about it", () => {
    expect(texts("> Kyiv calls the Russian terms a surrender\nis that what they said?")).toContain(
      "Kyiv calls the Russian terms a surrender is that what they said?",
    );
  });

  it("reads a message that asks nothing as one question", () => {
    expect(readMessage("ceasefire status")).toMatchObject({
      questions: 1,
      readings: [{ text: "ceasefire status" }],
    });
  });

  it("reads only the start of a pasted essay", () => {
    const message = readMessage(`is there a ceasefire? ${"More text. ".repeat(10_000)}`);
    expect(message.plainText.length).toBeLessThanOrEqual(2_000);
  });

  it("reads less on request, to measure what reading adds", () => {
    expect(readMessage("<@U1> hi! *is* there a ceasefire?", "raw").readings).toEqual([
      { text: "<@U1> hi! *is* there a ceasefire?", question: 0 },
    ]);
    expect(readMessage("<@U1> hi! *is* there a ceasefire?", "markup").readings).toEqual([
      { text: "hi! is there a ceasefire?", question: 0 },
    ]);
  });

  it("reads a question across a line break and with punctuation after its question mark", () => {
    expect(texts("«?\n What does Russia demand? )")[0]).toBe("What does Russia demand");
  });

  it("reads nothing from nothing", () => {
    expect(readMessage("   ")).toEqual({ plainText: "", readings: [], questions: 0 });
  });
});
