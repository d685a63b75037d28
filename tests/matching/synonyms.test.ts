import { describe, expect, it } from "vitest";
import stem from "wink-porter2-stemmer";
import { SYNONYM_GROUPS } from "../../src/matching/lexicon.js";
import { synonymConflicts, toTerm } from "../../src/matching/synonyms.js";

describe("toTerm", () => {
  it("brings a word family to one term through the Porter2 stemmer", () => {
    const family = ["negotiate", "negotiated", "negotiating", "negotiation", "negotiations"].map(toTerm);
    expect(new Set(family).size).toBe(1);
    expect(toTerm("escalating")).toBe(toTerm("escalate"));
    expect(toTerm("killed")).toBe(toTerm("kill"));
    expect(toTerm("1000")).toBe("1000");
  });

  it("maps domain synonyms to one term", () => {
    expect(toTerm("truce")).toBe(toTerm("ceasefire"));
    expect(toTerm("swap")).toBe(toTerm("exchange"));
    expect(toTerm("negotiations")).toBe(toTerm("talks"));
    expect(toTerm("pows")).toBe(toTerm("prisoners"));
    expect(toTerm("kremlin")).toBe(toTerm("russia"));
    expect(toTerm("moscow")).toBe(toTerm("russian"));
    expect(toTerm("kyiv")).toBe(toTerm("ukraine"));
  });

  it("keeps words of different meaning apart", () => {
    expect(toTerm("ceasefire")).not.toBe(toTerm("exchange"));
    expect(toTerm("russia")).not.toBe(toTerm("ukraine"));
    expect(toTerm("delegation")).not.toBe(toTerm("negotiations"));
  });
});

describe("the synonym groups", () => {
  it("have no stem claimed by two groups", () => {
    expect(synonymConflicts()).toEqual([]);
  });

  it("list no word the stemmer already brings to another word of its group", () => {
    const redundant = SYNONYM_GROUPS.flatMap((group) =>
      group.filter((word, position) => group.findIndex((other) => stem(other) === stem(word)) !== position),
    );
    expect(redundant).toEqual([]);
  });
});
