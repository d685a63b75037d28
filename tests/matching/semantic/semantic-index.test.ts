import { describe, expect, it } from "vitest";
import type { Embedder } from "../../../src/matching/semantic/embedder.js";
import { buildSemanticIndex } from "../../../src/matching/semantic/semantic-index.js";

/** A stand-in model: each text's vector is fixed in a table (seven numbers: not a multiple of four). */
function tableEmbedder(table: Record<string, number[]>): Embedder {
  return {
    id: "table",
    async embed(texts) {
      return texts.map((text) => Float32Array.from(table[text] ?? []));
    },
  };
}

const naiveDot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, value, index) => sum + value * (b[index] as number), 0);

describe("buildSemanticIndex", () => {
  const table: Record<string, number[]> = {
    "first phrasing": [1, 2, 3, 4, 5, 6, 7],
    "second phrasing": [0.5, -1, 2, 0, 1, -2, 3],
    "not answered": [7, 6, 5, 4, 3, 2, 1],
    "first answer": [1, 0, 0, 0, 0, 0, 1],
    "other phrasing": [-1, -1, -1, -1, -1, -1, -1],
    "other answer": [0, 0, 0, 0, 0, 0, 2],
  };
  const question = [0.25, 0.5, -0.75, 1, 1.5, -2, 0.125];

  it("scores each entry by its closest phrasing, its closest unanswered question and its answer", async () => {
    const index = await buildSemanticIndex(
      [
        {
          phrasings: ["first phrasing", "second phrasing"],
          unanswered: ["not answered"],
          answer: "first answer",
        },
        { phrasings: ["other phrasing"], unanswered: [], answer: "other answer" },
      ],
      tableEmbedder(table),
    );
    const scores = index.score(Float32Array.from(question));
    const expected = (text: string) => naiveDot(question, table[text] as number[]);
    expect(scores.phrasing[0]).toBeCloseTo(
      Math.max(expected("first phrasing"), expected("second phrasing")),
      5,
    );
    expect(scores.phrasing[1]).toBeCloseTo(expected("other phrasing"), 5);
    expect(scores.unanswered[0]).toBeCloseTo(expected("not answered"), 5);
    expect(scores.unanswered[1]).toBe(-1);
    expect(scores.answer[0]).toBeCloseTo(expected("first answer"), 5);
    expect(scores.answer[1]).toBeCloseTo(expected("other answer"), 5);
    expect(scores.probe).toHaveLength(2);
  });

  it("gives an entry's own phrasing a lead in the linear probe over the other entry", async () => {
    const index = await buildSemanticIndex(
      [
        { phrasings: ["first phrasing"], unanswered: ["not answered"], answer: "first answer" },
        { phrasings: ["other phrasing"], unanswered: [], answer: "other answer" },
      ],
      tableEmbedder(table),
    );
    const first = index.score(Float32Array.from(table["first phrasing"] as number[])).probe;
    const other = index.score(Float32Array.from(table["other phrasing"] as number[])).probe;
    expect(first[0]).toBeGreaterThan(first[1] as number);
    expect(other[1]).toBeGreaterThan(other[0] as number);
  });
});
