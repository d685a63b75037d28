import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { fitLinearProbe, solveSymmetric } from "../../../src/matching/semantic/linear-probe.js";

const unit = (values: number[]) => {
  const length = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / length);
};

describe("fitLinearProbe", () => {
  // Two entries (classes 0 and 1) and "none" (class 2), each a few noisy vectors around its own direction.
  const vectors = [
    unit([1, 0.2, 0, 0.1]),
    unit([1, -0.2, 0.1, 0]),
    unit([0.9, 0, -0.1, 0.2]),
    unit([0.1, 1, 0, 0.2]),
    unit([0, 1, 0.2, -0.1]),
    unit([-0.1, 0.9, 0, 0]),
    unit([0, 0.1, 1, 0]),
    unit([0.2, 0, 1, 0.1]),
  ];
  const classes = [0, 0, 0, 1, 1, 1, 2, 2];
  const probe = fitLinearProbe(vectors, classes, 3, { ridge: 0.01 });

  it("leads with the entry whose direction a question takes, even far from each of its vectors", async () => {
    const leads = (await probe).leads(unit([1, 0, 0, -0.5]));
    expect(leads).toHaveLength(2);
    expect(leads[0]).toBeGreaterThan(0);
    expect(leads[1]).toBeLessThan(0);
    expect((await probe).leads(unit([0, 1, 0, 0]))[1]).toBeGreaterThan(0);
  });

  it("gives no entry a lead for a question in the direction of the unanswered ones", async () => {
    const leads = (await probe).leads(unit([0.1, 0.1, 1, 0]));
    expect(leads[0]).toBeLessThan(0);
    expect(leads[1]).toBeLessThan(0);
  });

  it("reproduces its classes' targets closely on its own vectors when barely penalised", async () => {
    // A lead near 1 means the entry scores about 1 and every other class about 0.
    const fitted = await probe;
    const ownLeads = vectors
      .slice(0, 6)
      .map((vector, position) => fitted.leads(vector)[classes[position] as number]);
    for (const lead of ownLeads) expect(lead).toBeGreaterThan(0.5);
  });

  it("shrinks every lead towards 0 as the penalty grows", async () => {
    const question = unit([1, 0, 0, -0.5]);
    const light = (await probe).leads(question)[0] as number;
    const heavy = (await fitLinearProbe(vectors, classes, 3, { ridge: 100 })).leads(question)[0] as number;
    expect(Math.abs(heavy)).toBeLessThan(Math.abs(light));
  });

  it("gives the event loop a turn while it fits, and fits the same", async () => {
    let pauses = 0;
    const paused = await fitLinearProbe(vectors, classes, 3, {
      ridge: 0.01,
      pause: async () => {
        pauses += 1;
      },
    });
    // One pause per Gram row (4 numbers and the constant), per factor column, and per class solved.
    expect(pauses).toBe(5 + 5 + 3);
    const question = unit([0.3, 0.4, 0.5, 0.6]);
    expect([...paused.leads(question)]).toEqual([...(await probe).leads(question)]);
  });

  it("has no leads to give without vectors", async () => {
    expect([...(await fitLinearProbe([], [], 3)).leads(unit([1, 0]))]).toEqual([0, 0]);
  });
});

describe("solveSymmetric", () => {
  it("solves as ml-matrix's Cholesky does", async () => {
    const size = 7;
    // A symmetric positive definite system: Aᵀ·A plus the identity, from fixed pseudo-random numbers.
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    const a = new Matrix(Array.from({ length: size }, () => Array.from({ length: size }, next)));
    const system = a.transpose().mmul(a).add(Matrix.eye(size));
    const rights = [Float64Array.from({ length: size }, next), Float64Array.from({ length: size }, next)];
    const ours = await solveSymmetric(Float64Array.from(system.to1DArray()), size, rights);
    const theirs = new CholeskyDecomposition(system).solve(
      new Matrix(rights.map((right) => [...right])).transpose(),
    );
    ours.forEach((solution, column) => {
      solution.forEach((value, row) => {
        expect(value).toBeCloseTo(theirs.get(row, column), 10);
      });
    });
  });

  it("refuses a system that is not positive definite", async () => {
    const system = Float64Array.from([1, 2, 2, 1]);
    await expect(solveSymmetric(system, 2, [Float64Array.from([1, 1])])).rejects.toThrow(/positive definite/);
  });
});
