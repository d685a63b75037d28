import { describe, expect, it } from "vitest";
import { asksFor, asksForecast, focusTerms, gapTerms } from "../../../src/matching/decision/focus.js";
import { createEntityReader } from "../../../src/matching/entities.js";
import { normaliseWords } from "../../../src/matching/normalise.js";
import { toTerm } from "../../../src/matching/synonyms.js";

const entities = createEntityReader([]);
const focus = (question: string) => [...focusTerms(normaliseWords(question))];

describe("gapTerms", () => {
  it("reads what an answer says the article does not give", () => {
    expect(gapTerms("Strikes hit four cities. The article does not name the cities.", entities)).toEqual(
      new Set([toTerm("cities")]),
    );
    expect([
      ...gapTerms("The war has lasted three years. The article gives no start date.", entities),
    ]).toContain("when");
    expect([...gapTerms("It gives no casualty totals; it reports strikes.", entities)]).toContain("count");
  });

  it("reads 'no other reason' as a reason given, not a gap in why", () => {
    const terms = gapTerms(
      "The offer is called a last-ditch effort. It gives no other reason for the name.",
      entities,
    );
    expect(terms.has("why")).toBe(false);
    expect(terms.has(toTerm("reason"))).toBe(false);
    expect(gapTerms("The article does not say why he was absent.", entities).has("why")).toBe(true);
    expect(gapTerms("It gives no reason for the name.", entities).has("why")).toBe(true);
  });

  it("finds nothing in an answer that states no gap", () => {
    expect(gapTerms("A third round was scheduled for 23 July 2025 in Istanbul.", entities).size).toBe(0);
  });
});

describe("focusTerms", () => {
  it("takes the thing asked for after which or what, and the facet of a question word", () => {
    expect(focus("which four cities were hit?")).toEqual([toTerm("cities")]);
    expect(focus("when did the war start?")).toEqual(["when"]);
    expect(focus("how many children were taken")).toEqual(["count"]);
    expect(focus("what are all ten points")).toEqual([toTerm("points")]);
  });
});

describe("asksForecast", () => {
  it("recognises forecasts and opinions", () => {
    for (const question of [
      "will the talks succeed",
      "do you think Putin will come",
      "what are the chances of peace",
    ]) {
      expect(asksForecast(normaliseWords(question)), question).toBe(true);
    }
  });

  it("does not take a question about a scheduled event for a forecast", () => {
    expect(asksForecast(normaliseWords("when is the next round"))).toBe(false);
    expect(asksForecast(normaliseWords("what did Zelenskyy offer"))).toBe(false);
  });
});

describe("focusTerms and significance", () => {
  it("reads a why-question about what something means as not asking for its cause", () => {
    expect(focus("why is it a problem that the pentagon chief skipped the meeting?")).toEqual([]);
    expect(focus("why does hegseth's absence matter")).toEqual([]);
    expect(focus("why is hegseth's absence at the nato meeting such a big deal")).toEqual([]);
    expect(focus("why wasn't hegseth at the nato meeting?")).toEqual(["why"]);
  });
});

describe("asksFor", () => {
  const asks = (question: string) => asksFor(normaliseWords(question));

  it("takes what a question asks for from its first question word", () => {
    expect(asks("when is the next round?")).toBe("when");
    expect(asks("and where is it held")).toBe("where");
    expect(asks("who leads the delegation")).toBe("who");
    expect(asks("is the round in istanbul")).toBeNull();
  });

  it("reads 'where … from' as asking for a source, not a place", () => {
    expect(asks("where does this info come from")).toBe("who");
    expect(asks("where is the meeting held")).toBe("where");
  });

  it("reads a later when, where or who as joining clauses, not as what is asked", () => {
    expect(asks("why does putin refuse a ceasefire when even trump is pushing for one?")).toBeNull();
    expect(asks("what did the man who leads the delegation say")).toBeNull();
  });
});
