import { describe, expect, it } from "vitest";
import { fitLogistic, type LabelledRow } from "../../../src/matching/decision/fit.js";

/** A seeded generator, so the data is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("fitLogistic", () => {
  it("recovers which features raise and which lower the odds, and ignores noise", () => {
    const random = seeded(42);
    const rows: LabelledRow[] = Array.from({ length: 4_000 }, () => {
      const features = [random() * 4 - 2, random() * 4 - 2, random() * 4 - 2];
      const score = 2 * (features[0] as number) - 1.5 * (features[1] as number) + 0.5;
      return { features, label: random() < 1 / (1 + Math.exp(-score)) ? 1 : 0 };
    });
    const fitted = fitLogistic(rows, [0, 1, 2]);
    const [up, down, noise] = fitted.weights as [number, number, number];
    expect(up).toBeGreaterThan(1.5);
    expect(down).toBeLessThan(-1);
    expect(Math.abs(noise)).toBeLessThan(0.2);
    // Weights are per standard deviation of a feature uniform on [-2, 2] (about 1.15).
    expect(up / 1.15).toBeCloseTo(2, 0);
  });

  it("stays finite when a feature separates the labels on its own, and leaves a constant one at 0", () => {
    const rows: LabelledRow[] = Array.from({ length: 200 }, (_, index) => ({
      features: [index < 100 ? -1 : 1, 3],
      label: index < 100 ? 0 : 1,
    }));
    const fitted = fitLogistic(rows, [0, 1]);
    expect(Number.isFinite(fitted.weights[0])).toBe(true);
    expect(fitted.weights[0]).toBeGreaterThan(0);
    expect(fitted.weights[1]).toBeCloseTo(0, 6);
    expect(fitted.scale[1]).toBe(1);
  });

  it("counts a row of weight 2 as the same row twice, and a row of weight 1 as a row without one", () => {
    const random = seeded(7);
    const rows: LabelledRow[] = Array.from({ length: 600 }, () => {
      const features = [random() * 4 - 2, random() * 4 - 2];
      const score = 1.5 * (features[0] as number) - (features[1] as number);
      return { features, label: random() < 1 / (1 + Math.exp(-score)) ? 1 : 0 };
    });
    const heavy = rows.slice(0, 200);
    const doubled = fitLogistic([...rows, ...heavy], [0, 1]);
    const weighted = fitLogistic(
      rows.map((row, index) => (index < 200 ? { ...row, weight: 2 } : { ...row, weight: 1 })),
      [0, 1],
    );
    for (const key of ["weights", "mean", "scale"] as const) {
      weighted[key].forEach((value, slot) => {
        expect(value).toBeCloseTo(doubled[key][slot] as number, 8);
      });
    }
    expect(weighted.bias).toBeCloseTo(doubled.bias, 8);
    // Weighing rows does move the fit: the same rows unweighted give another one.
    expect(
      Math.abs((fitLogistic(rows, [0, 1]).weights[0] as number) - (weighted.weights[0] as number)),
    ).toBeGreaterThan(1e-3);
  });
});
