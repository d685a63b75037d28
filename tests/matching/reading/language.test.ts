import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { COMMON_ENGLISH_WORDS } from "../../../src/matching/english.js";
import { isEnglish } from "../../../src/matching/reading/language.js";

const knows = (word: string) =>
  COMMON_ENGLISH_WORDS.has(word) || ["zelensky", "putin", "medinsky"].includes(word);

describe("isEnglish", () => {
  it("says a question in another language or script is not English", async () => {
    for (const text of [
      "Коли наступний раунд переговорів?",
      "когда следующий раунд переговоров",
      "¿Cuándo es la próxima ronda de negociaciones?",
      "Wann ist die nächste Verhandlungsrunde?",
      "kiedy jest następna runda rozmów",
      "o que a rússia exige da ucrânia",
    ]) {
      expect(await isEnglish(text, knows), text).toBe(false);
    }
  });

  it("reads non-native English, names and short fragments as English", async () => {
    for (const text of [
      "what is demand of russia for peace?",
      "putin zelensky meeting?",
      "medinsky?",
      "hi",
      "wen next round",
      "",
    ]) {
      expect(await isEnglish(text, knows), text).toBe(true);
    }
  });

  it("reads at least 99.9% of 5,500 everyday English queries as English", async () => {
    const path = new URL("../../../../shared/eval/clinc150-offtopic.txt", import.meta.url);
    const queries = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "");
    const verdicts = await Promise.all(queries.map((query) => isEnglish(query, knows)));
    const foreign = queries.filter((_, position) => !verdicts[position]);
    expect(foreign.length / queries.length, foreign.join("\n")).toBeLessThanOrEqual(0.001);
  });

  it("loads the language detector only for a message whose words it mostly does not know, and once", async () => {
    vi.resetModules();
    let loads = 0;
    vi.doMock("eld/small", () => {
      loads += 1;
      return { eld: { detect: () => ({ language: "de", isReliable: () => true }) } };
    });
    try {
      const language = await import("../../../src/matching/reading/language.js");
      // Mostly known English words: English without the detector.
      expect(await language.isEnglish("what is demand of russia for peace?", knows)).toBe(true);
      expect(loads).toBe(0);
      // Mostly unknown words in Latin script: only the detector can tell.
      expect(await language.isEnglish("Wann ist die nächste Verhandlungsrunde?", knows)).toBe(false);
      expect(await language.isEnglish("kiedy jest następna runda rozmów", knows)).toBe(false);
      expect(loads).toBe(1);
    } finally {
      vi.doUnmock("eld/small");
      vi.resetModules();
    }
  });
});
