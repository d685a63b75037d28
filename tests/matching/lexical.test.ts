import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/knowledge/schema.js";
import { createEntityReader } from "../../src/matching/entities.js";
import type { MatchableEntry } from "../../src/matching/index.js";
import { createLexicalMatcher } from "../../src/matching/lexical.js";

const entities: Entity[] = [
  { id: "call", kind: "event", name: "two-hour phone conversation", aliases: ["two-hour call"] },
  { id: "medinsky", kind: "person", name: "Medinsky", aliases: [] },
];
const entries: MatchableEntry[] = [
  {
    id: "the-call",
    question: "When did Trump and Putin speak by phone?",
    alternates: ["phone call with putin"],
    unanswered: [],
    answer: "They had a two-hour phone conversation on 19 May 2025.",
    evidence: "a two-hour phone conversation with Putin on May 19, 2025",
    tags: [],
  },
  {
    id: "delegation",
    question: "Who leads the Russian delegation?",
    alternates: ["medinsky"],
    unanswered: [],
    answer: "Medinsky leads it.",
    evidence: "led by Medinsky",
    tags: [],
  },
];

describe("lexical matcher: what places a question in the subject", () => {
  it("takes the names of people as topic words, but not the everyday words of an event's name", async () => {
    const matcher = await createLexicalMatcher(entries, { entities: createEntityReader(entities) });
    const topic = (question: string) =>
      Object.fromEntries(matcher.match(question).query.terms.map((term) => [term.term, term.topic]));
    expect(Object.values(topic("answer the phone"))).not.toContain(true);
    expect(matcher.match("answer the phone").candidates[0]?.offTopic).toBe(true);
    expect(Object.values(topic("what did medinsky say"))).toContain(true);
  });
});

describe("lexical matcher: spelling", () => {
  const prisoners: MatchableEntry = {
    id: "prisoners",
    question: "Was there a prisoner swap?",
    alternates: ["were prisoners swapped"],
    unanswered: [],
    answer: "They agreed a prisoner swap.",
    evidence: "a prisoner swap",
    tags: [],
  };

  it("corrects a typo of a form of a data word the data never uses, and reads it as the word", async () => {
    const matcher = await createLexicalMatcher([prisoners], { entities: createEntityReader([]) });
    // "swapping" is not in the data ("swap", "swapped" are); "swaping" is one letter from it.
    const typo = matcher.match("how many prisoners are they swaping");
    const spelt = matcher.match("how many prisoners are they swapping");
    expect(typo.query.text).toBe(spelt.query.text);
    expect(typo.unknownShare).toBe(spelt.unknownShare);
    expect(typo.candidates[0]?.score).toBeGreaterThan(0);
  });

  it("never corrects a typo into an everyday word whose stem the data lacks", async () => {
    const matcher = await createLexicalMatcher([prisoners], { entities: createEntityReader([]) });
    // "swimming" is everyday English, but the data has no "swim": "swiming" stays unknown.
    const typo = matcher.match("are they swiming");
    expect(typo.query.text).toContain("swiming");
    expect(typo.unknownShare).toBeGreaterThan(0);
  });
});
