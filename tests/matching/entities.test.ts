import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/knowledge/schema.js";
import { createEntityReader, namesOtherEntity } from "../../src/matching/entities.js";
import { normaliseWords } from "../../src/matching/normalise.js";

const ENTITIES: Entity[] = [
  {
    id: "von-der-leyen",
    kind: "person",
    name: "von der Leyen",
    aliases: ["EU chief", "Ursula von der Leyen"],
  },
  { id: "hegseth", kind: "person", name: "Hegseth", aliases: ["Pentagon chief", "defense secretary"] },
  { id: "odesa", kind: "place", name: "Odesa", aliases: ["Odessa", "Black Sea port city"] },
  { id: "nato", kind: "organisation", name: "NATO", aliases: ["the alliance"] },
  { id: "russia", kind: "country", name: "Russia", aliases: ["Kremlin"] },
  { id: "ukraine", kind: "country", name: "Ukraine", aliases: ["Kyiv"] },
];
const reader = createEntityReader(ENTITIES);
const read = (text: string) => {
  const result = reader.read(
    normaliseWords(text).map((word) => ({ word, tag: null })),
    () => null,
  );
  return { words: result.tokens.map((token) => token.word).join(" "), mentions: [...result.mentions].sort() };
};

describe("the entity reader", () => {
  it("reads an alias as the name the documents use, and says who is named", () => {
    expect(read("what did the EU chief promise")).toEqual({
      words: "what did the von der leyen promise",
      mentions: ["von-der-leyen"],
    });
    expect(read("the Black Sea port city")).toEqual({ words: "the odesa", mentions: ["odesa"] });
  });

  it("matches the longest alias first, case, possessives and British spellings aside", () => {
    expect(read("Ursula von der Leyen's plan").words).toBe("von der leyen plan");
    expect(read("the Defence Secretary").words).toBe("the hegseth");
  });

  it("names the entity when the name itself is used", () => {
    expect(read("hegseth and nato").mentions).toEqual(["hegseth", "nato"]);
  });

  it("reads an alias that begins with 'the' only with it", () => {
    expect(read("the alliance").mentions).toEqual(["nato"]);
    expect(read("an alliance").mentions).toEqual([]);
  });

  it("merges the tags of the words an alias spans", () => {
    const result = reader.read(
      [
        { word: "pentagon", tag: "typed" },
        { word: "chief", tag: "corrected" },
      ],
      (tags) => (tags.includes("corrected") ? "corrected" : "typed"),
    );
    expect(result.tokens).toEqual([{ word: "hegseth", tag: "corrected" }]);
  });

  it("knows every word of every alias as spelt right", () => {
    expect(reader.vocabulary.has("pentagon")).toBe(true);
    expect(reader.vocabulary.has("odessa")).toBe(true);
  });
});

describe("namesOtherEntity", () => {
  const kindOf = (id: string) => ENTITIES.find((entity) => entity.id === id)?.kind;
  it("is true when each side names an entity of one kind the other does not", () => {
    expect(namesOtherEntity(new Set(["ukraine"]), new Set(["russia"]), kindOf)).toBe(true);
  });

  it("is false when one side names both, or they differ in kind", () => {
    expect(namesOtherEntity(new Set(["ukraine"]), new Set(["russia", "ukraine"]), kindOf)).toBe(false);
    expect(namesOtherEntity(new Set(["hegseth"]), new Set(["nato"]), kindOf)).toBe(false);
  });
});
