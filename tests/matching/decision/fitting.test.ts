import { describe, expect, it } from "vitest";
import { fitDecisionModel, type Labelled } from "../../../src/matching/decision/fitting.js";
import { RELATED_MEANING } from "../../../src/matching/matcher.js";
import { labelledQuestion } from "../../helpers/decision.js";

const IDS = ["a", "b"];

/**
 * Sure questions; paraphrases the ranking scores below the off-topic queries, but close in meaning to
 * their entry (`paraphraseMeaning`); everyday queries.
 */
function questions(paraphraseMeaning: number): Labelled[] {
  return [
    ...Array.from({ length: 20 }, (_, n) =>
      labelledQuestion(`sure ${n}`, "in-scope", 0, { lexicalScore: 0.9 }, ["a"]),
    ),
    ...Array.from({ length: 10 }, (_, n) =>
      labelledQuestion(
        `paraphrase ${n}`,
        "in-scope",
        1,
        { lexicalScore: 0.25, meaningPhrasing: paraphraseMeaning },
        ["b"],
      ),
    ),
    ...Array.from({ length: 40 }, (_, n) =>
      labelledQuestion(`everyday ${n}`, "off-topic", 0, { lexicalScore: 0.3 + n / 1000 }, []),
    ),
  ];
}

describe("fitDecisionModel", () => {
  it("chooses the suggestion cut-off for the ranking alone, whatever the entries offered for their meaning", () => {
    // The model reads lexicalScore only; the meaning offers (RELATED_MEANING) would rescue every paraphrase.
    const fitWith = (meaning: number) => fitDecisionModel(questions(meaning), ["lexicalScore"], IDS);
    const withoutOffers = fitWith(0);
    const withOffers = fitWith(RELATED_MEANING);
    // Rescuing the paraphrases by their ranking is worth the everyday queries it offers suggestions to.
    expect(withoutOffers.suggestAt).toBeLessThan(0.5);
    expect(withOffers.suggestAt).toBe(withoutOffers.suggestAt);
    expect(withOffers.answerAt).toBe(withoutOffers.answerAt);
  });
});
