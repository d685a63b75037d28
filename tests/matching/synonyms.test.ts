import { describe, expect, it } from "vitest";
import { stem } from "../../src/matching/stem.js";
import { synonymConflicts, toTerm } from "../../src/matching/synonyms.js";

describe("stem", () => {
  it("brings a word family to one stem", () => {
    const family = ["negotiate", "negotiated", "negotiating", "negotiation", "negotiations"].map(stem);
    expect(new Set(family).size).toBe(1);
    expect(stem("escalating")).toBe(stem("escalate"));
    expect(stem("killed")).toBe(stem("kill"));
    expect(stem("meetings")).toBe(stem("meeting"));
  });

  it("leaves numbers and short words alone", () => {
    expect(stem("1000")).toBe("1000");
    expect(stem("war")).toBe("war");
  });
});

describe("toTerm", () => {
  it("maps domain synonyms to one term", () => {
    expect(toTerm("truce")).toBe(toTerm("ceasefire"));
    expect(toTerm("swap")).toBe(toTerm("exchange"));
    expect(toTerm("negotiations")).toBe(toTerm("talks"));
    expect(toTerm("pows")).toBe(toTerm("prisoners"));
    expect(toTerm("kremlin")).toBe(toTerm("russia"));
    expect(toTerm("moscow")).toBe(toTerm("russian"));
    expect(toTerm("kyiv")).toBe(toTerm("ukraine"));
    expect(toTerm("washington")).toBe(toTerm("america"));
  });

  it("keeps words of different meaning apart", () => {
    expect(toTerm("ceasefire")).not.toBe(toTerm("exchange"));
    expect(toTerm("russia")).not.toBe(toTerm("ukraine"));
    expect(toTerm("delegation")).not.toBe(toTerm("negotiations"));
  });

  it("has no stem claimed by two synonym groups", () => {
    expect(synonymConflicts()).toEqual([]);
  });
});
