import { describe, expect, it } from "vitest";
import { createSpellingCorrector, editDistance } from "../../src/matching/spelling.js";

const vocabulary = ["ceasefire", "zelensky", "medinsky", "prisoners", "putin", "child", "sanctions", "from"];

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("medinksy", "medinsky", 2)).toBe(1);
    expect(editDistance("ceasfire", "ceasefire", 2)).toBe(1);
  });

  it("stops counting past the limit", () => {
    expect(editDistance("macron", "moscow", 2)).toBe(3);
  });
});

describe("createSpellingCorrector", () => {
  const speller = createSpellingCorrector(vocabulary, new Set(["from"]));

  it("corrects a typo to the vocabulary word", () => {
    expect(speller.correct("ceasfire")).toBe("ceasefire");
    expect(speller.correct("medinksy")).toBe("medinsky");
    expect(speller.correct("prisnoers")).toBe("prisoners");
    expect(speller.correct("santions")).toBe("sanctions");
  });

  it("corrects a short word only for a dropped or swapped letter", () => {
    expect(speller.correct("putn")).toBe("putin");
    expect(speller.correct("form")).toBe("from");
    expect(speller.correct("pitn")).toBeNull();
  });

  it("leaves words that are not near any vocabulary word", () => {
    expect(speller.correct("macron")).toBeNull();
    expect(speller.correct("china")).toBeNull();
    expect(speller.correct("pasta")).toBeNull();
  });

  it("gives up at once on a word longer than any vocabulary word could be typed", () => {
    const speller = createSpellingCorrector(["ceasefire", "negotiations"]);
    const pasted = "ab".repeat(300);
    const started = performance.now();
    expect(speller.correct(pasted)).toBeNull();
    // Listing a 600-letter word's two-letter deletions takes hundreds of milliseconds; the check, none.
    expect(performance.now() - started).toBeLessThan(50);
    expect(speller.correct("negotiationss")).toBe("negotiations");
  });

  it("returns a correctly spelt word as it is", () => {
    expect(speller.correct("putin")).toBe("putin");
    expect(speller.has("putin")).toBe(true);
  });

  it("prefers a content word over filler at the same distance", () => {
    // "bsking" is one edit from both.
    const withFiller = createSpellingCorrector(["asking", "basking"], new Set(["asking"]));
    expect(withFiller.correct("bsking")).toBe("basking");
    const fillerOnly = createSpellingCorrector(["asking"], new Set(["asking"]));
    expect(fillerOnly.correct("bsking")).toBe("asking");
  });
});

describe("spelling: everyday forms of the data's words", () => {
  it("corrects a typo to a form the caller accepts, preferring on a tie the word that keeps the typed start", () => {
    const isForm = (word: string) => word === "swapping";
    expect(createSpellingCorrector(["shaping"], new Set(), isForm).correct("swaping")).toBe("swapping");
    expect(createSpellingCorrector(["shaping"]).correct("swaping")).toBe("shaping");
    expect(createSpellingCorrector(["shaping"], new Set(), isForm).correct("swimming")).toBeNull();
  });
});
