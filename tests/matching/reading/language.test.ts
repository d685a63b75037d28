import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMON_ENGLISH_WORDS } from "../../../src/matching/english.js";
import { isEnglish } from "../../../src/matching/reading/language.js";

const knows = (word: string) =>
  COMMON_ENGLISH_WORDS.has(word) || ["zelensky", "putin", "medinsky"].includes(word);

describe("isEnglish", () => {
  it("says a question in another language or script is not English", () => {
    for (const text of [
      "Коли наступний раунд переговорів?",
      "когда следующий раунд переговоров",
      "¿Cuándo es la próxima ronda de negociaciones?",
      "Wann ist die nächste Verhandlungsrunde?",
      "kiedy jest następna runda rozmów",
      "o que a rússia exige da ucrânia",
    ]) {
      expect(isEnglish(text, knows), text).toBe(false);
    }
  });

  it("reads non-native English, names and short fragments as English", () => {
    for (const text of [
      "what is demand of russia for peace?",
      "putin zelensky meeting?",
      "medinsky?",
      "hi",
      "wen next round",
      "",
    ]) {
      expect(isEnglish(text, knows), text).toBe(true);
    }
  });

  it("reads at least 99.9% of 5,500 everyday English queries as English", () => {
    const path = new URL("../../../../shared/eval/clinc150-offtopic.txt", import.meta.url);
    const queries = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "");
    const foreign = queries.filter((query) => !isEnglish(query, knows));
    expect(foreign.length / queries.length, foreign.join("\n")).toBeLessThanOrEqual(0.001);
  });
});
