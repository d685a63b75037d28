import { describe, expect, it } from "vitest";
import {
  type EvalSet,
  evaluateOffTopic,
  evaluateSet,
  type Judge,
  missedTargets,
} from "../../src/evaluation/evaluate.js";

const SET: EvalSet = {
  name: "test",
  inScope: [
    { q: "right", id: "a", style: "plain" },
    { q: "also right", id: "a", also: ["b"], style: "plain" },
    { q: "wrong", id: "a", style: "terse" },
    { q: "rescued", id: "a", style: "terse" },
    { q: "bare", id: "a", style: "terse" },
  ],
  outOfScope: [
    { q: "declined", kind: "near-miss" },
    { q: "answered", kind: "prediction" },
  ],
};

/** Answers by the question's own words, so each case says what it does. */
const judge: Judge = async (questions) =>
  questions.map((q) => {
    if (q === "right") return { answered: true, ids: ["a"], suggestions: [], confidence: 0.9 };
    if (q === "also right") return { answered: true, ids: ["b"], suggestions: [], confidence: 0.9 };
    if (q === "wrong" || q === "answered")
      return { answered: true, ids: ["c"], suggestions: [], confidence: 0.9 };
    if (q === "rescued")
      return { answered: false, ids: [], suggestions: ["c", "a"], confidence: 0.3, smallTalk: "thanks" };
    return { answered: false, ids: [], suggestions: [], confidence: 0 };
  });

describe("evaluateSet", () => {
  it("counts right (an accepted entry), wrong, declined, rescued, bare and answered as small talk, overall and by style", async () => {
    const report = await evaluateSet(SET, judge);
    expect(report.inScope).toEqual({
      total: 5,
      right: 2,
      wrong: 1,
      declined: 2,
      rescued: 1,
      bare: 1,
      smallTalk: 1,
    });
    expect(report.byStyle.get("plain")).toEqual({
      total: 2,
      right: 2,
      wrong: 0,
      declined: 0,
      rescued: 0,
      bare: 0,
      smallTalk: 0,
    });
    expect(report.byStyle.get("terse")).toEqual({
      total: 3,
      right: 0,
      wrong: 1,
      declined: 2,
      rescued: 1,
      bare: 1,
      smallTalk: 1,
    });
    expect(report.outOfScope).toMatchObject({ total: 2, declined: 1 });
    expect(report.outOfScope.byKind.get("prediction")).toEqual({ total: 1, declined: 0 });
    expect(report.failures.map((failure) => failure.question)).toEqual([
      "wrong",
      "rescued",
      "bare",
      "answered",
    ]);
  });

  it("counts the out-of-scope questions by writer, the unnamed ones as the first writer's", async () => {
    const report = await evaluateSet(
      {
        ...SET,
        outOfScope: [
          { q: "declined", kind: "near-miss" },
          { q: "answered", kind: "near-miss", writer: "helpers" },
          { q: "declined too", kind: "later-news", writer: "helpers" },
        ],
      },
      judge,
    );
    expect(report.outOfScope.byWriter).toEqual(
      new Map([
        ["first writer", { total: 1, declined: 1 }],
        ["helpers", { total: 2, declined: 1 }],
      ]),
    );
  });

  it("counts the in-scope questions by writer too, the unnamed ones as the first writer's", async () => {
    const report = await evaluateSet(
      {
        ...SET,
        inScope: [
          { q: "right", id: "a", style: "plain" },
          { q: "wrong", id: "a", style: "plain", writer: "helpers" },
          { q: "also right", id: "a", also: ["b"], style: "chatty", writer: "helpers" },
        ],
      },
      judge,
    );
    expect([...report.byWriter].map(([writer, tally]) => [writer, tally.total, tally.right])).toEqual([
      ["first writer", 1, 1],
      ["helpers", 2, 1],
    ]);
  });

  it("counts a two-answer reply right only when both answers are accepted", async () => {
    const both: Judge = async (questions) =>
      questions.map(() => ({ answered: true, ids: ["a", "c"], suggestions: [], confidence: 0.9 }));
    const report = await evaluateSet({ ...SET, outOfScope: [] }, both);
    expect(report.inScope.right).toBe(0);
  });

  it("names every target the report misses", async () => {
    const report = await evaluateSet(SET, judge);
    expect(missedTargets(report, { total: 100, declined: 98 })).toEqual([
      "in-scope right",
      "in-scope wrong",
      "in-scope right or rescued",
      "in-scope bare declines",
      "out-of-scope declined",
      "clinc150 declined",
    ]);
  });
});

describe("evaluateOffTopic", () => {
  it("counts the queries declined, those declined with suggestions, and lists the answered ones", async () => {
    const report = await evaluateOffTopic(["answered", "rescued", "bare", "wrong"], judge);
    expect(report).toMatchObject({ total: 4, declined: 2, suggested: 1 });
    expect(report.failures.map((failure) => failure.question)).toEqual(["answered", "wrong"]);
  });
});
