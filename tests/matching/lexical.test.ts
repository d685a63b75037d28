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
