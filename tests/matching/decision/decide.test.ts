import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "../../../src/matching/decision/features.js";
import { type DecisionModel, MODEL_FEATURES } from "../../../src/matching/decision/model.js";
import {
  type Candidate,
  compileDecider,
  decide,
  RELATED_MEANING,
  type ReadQuestion,
} from "../../../src/matching/matcher.js";
import { featureVector } from "../../helpers/decision.js";

// A hand-made model over one feature, so each case reads directly: the ranking logit is 10 × lexicalScore
// − 5; the answering logit is the ranking logit itself.
const MODEL: DecisionModel = {
  ranking: { features: ["lexicalScore"], mean: [0], scale: [1], weights: [10], bias: -5 },
  answering: { features: ["rankingScore"], mean: [0], scale: [1], weights: [1], bias: 0 },
  answerAt: 0.9,
  suggestAt: 0.2,
};
const decider = compileDecider(MODEL);
const IDS = ["a", "b", "c", "d", "e"];

function candidate(
  entry: number,
  lexicalScore: number,
  question = 0,
  words = "what is it",
  meaningPhrasing = 0,
): Candidate {
  const features = featureVector({ lexicalScore, meaningPhrasing });
  return { entry, reading: { text: words, question }, readingWords: words.split(" "), features };
}

const read = (candidates: Candidate[], questions = 1): ReadQuestion => ({
  candidates,
  questions,
  normalised: "what is it",
  english: true,
});

describe("decide", () => {
  it("answers with the best entry when the answering model is sure enough", () => {
    const result = decide(read([candidate(0, 0.5), candidate(1, 0.9)]), decider, IDS);
    expect(result.answers.map((answer) => answer.id)).toEqual(["b"]);
    expect(result.confidence).toBeGreaterThanOrEqual(MODEL.answerAt);
    expect(result.suggestions).toEqual([]);
  });

  it("declines below the cut-off, offering at most three entries the ranking finds likely", () => {
    const result = decide(
      read([
        candidate(0, 0.6),
        candidate(1, 0.65),
        candidate(2, 0.62),
        candidate(3, 0.61),
        candidate(4, 0.1),
      ]),
      decider,
      IDS,
    );
    expect(result.answers).toEqual([]);
    expect(result.suggestions.map((suggestion) => suggestion.id)).toEqual(["b", "c", "d"]);
  });

  it("also offers, when declining, an entry the ranking finds unlikely but close in meaning", () => {
    const result = decide(
      read([
        candidate(0, 0.6),
        candidate(1, 0.1, 0, "what is it", RELATED_MEANING),
        candidate(2, 0.15, 0, "what is it", RELATED_MEANING - 0.01),
      ]),
      decider,
      IDS,
    );
    expect(result.answers).toEqual([]);
    // The likely entry first, then the one close in meaning; not the one just short of it.
    expect(result.suggestions.map((suggestion) => suggestion.id)).toEqual(["a", "b"]);
  });

  it("declines bare when nothing comes close", () => {
    const result = decide(read([candidate(0, 0.1)]), decider, IDS);
    expect(result).toMatchObject({ answers: [], suggestions: [] });
  });

  it("answers each of two questions, in the order asked, and one entry only once", () => {
    const two = decide(read([candidate(0, 0.9, 1), candidate(1, 0.95, 0)], 2), decider, IDS);
    expect(two.answers.map((answer) => answer.id)).toEqual(["b", "a"]);
    const same = decide(read([candidate(0, 0.9, 0), candidate(0, 0.95, 1)], 2), decider, IDS);
    expect(same.answers.map((answer) => answer.id)).toEqual(["a"]);
  });

  it("offers another question's near answer beside the main answer", () => {
    const result = decide(read([candidate(0, 0.95, 0), candidate(1, 0.6, 1)], 2), decider, IDS);
    expect(result.answers.map((answer) => answer.id)).toEqual(["a"]);
    expect(result.suggestions.map((suggestion) => suggestion.id)).toEqual(["b"]);
  });

  it("tells the answer whether it asks yes or no", () => {
    expect(decide(read([candidate(0, 0.95, 0, "is there a ceasefire")]), decider, IDS).yesNo).toBe(true);
    expect(decide(read([candidate(0, 0.95, 0, "who leads it")]), decider, IDS).yesNo).toBe(false);
  });

  it("matches nothing in a message that is not English", () => {
    const result = decide({ ...read([candidate(0, 0.95)]), english: false }, decider, IDS);
    expect(result).toMatchObject({ english: false, answers: [], suggestions: [], confidence: 0 });
  });

  it("lists the ranking's features after every candidate feature", () => {
    expect(MODEL_FEATURES.slice(0, FEATURE_NAMES.length)).toEqual([...FEATURE_NAMES]);
  });
});
