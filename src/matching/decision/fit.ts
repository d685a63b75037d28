import { CholeskyDecomposition, Matrix } from "ml-matrix";

export interface LabelledRow {
  features: readonly number[];
  /** 1 when the entry answers the reading, 0 when it does not. */
  label: 0 | 1;
  /** How much the row counts (1 when absent): a row of weight 2 counts as the same row twice. */
  weight?: number;
}

export interface FittedLogistic {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** Ridge penalty on the standardised weights: keeps them finite when a feature separates the data alone. */
const RIDGE = 1;
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-8;

const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));

/**
 * Fits a logistic regression by Newton's method (iteratively reweighted least squares) with a ridge
 * penalty, on standardised features. ml-matrix solves each step's linear system; ml-logistic-regression
 * was tried first, but its fixed-rate gradient descent took minutes on these 50,000 rows, has no
 * intercept and no penalty.
 */
export function fitLogistic(rows: readonly LabelledRow[], columns: readonly number[]): FittedLogistic {
  const weightOf = (row: LabelledRow) => row.weight ?? 1;
  const total = rows.reduce((sum, row) => sum + weightOf(row), 0);
  const mean = columns.map(
    (column) => rows.reduce((sum, row) => sum + weightOf(row) * (row.features[column] ?? 0), 0) / total,
  );
  const scale = columns.map((column, slot) => {
    const variance =
      rows.reduce(
        (sum, row) => sum + weightOf(row) * ((row.features[column] ?? 0) - (mean[slot] as number)) ** 2,
        0,
      ) / total;
    // A constant feature (never seen to vary) is left at weight 0 rather than divided by 0.
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  // Column 0 is the intercept.
  const design = new Matrix(
    rows.map((row) => [
      1,
      ...columns.map(
        (column, slot) => ((row.features[column] ?? 0) - (mean[slot] as number)) / (scale[slot] as number),
      ),
    ]),
  );
  const labels = rows.map((row) => row.label);
  const size = columns.length + 1;
  let coefficients = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Matrix.zeros(size, size);
    for (let row = 0; row < rows.length; row += 1) {
      const x = design.getRow(row);
      const p = sigmoid(
        x.reduce((sum, value, position) => sum + value * (coefficients[position] as number), 0),
      );
      const weight = weightOf(rows[row] as LabelledRow);
      const error = weight * ((labels[row] as number) - p);
      const curvature = weight * p * (1 - p);
      for (let i = 0; i < size; i += 1) {
        gradient[i] = (gradient[i] as number) + error * (x[i] as number);
        for (let j = 0; j <= i; j += 1)
          hessian.set(i, j, hessian.get(i, j) + curvature * (x[i] as number) * (x[j] as number));
      }
    }
    for (let i = 1; i < size; i += 1) {
      gradient[i] = (gradient[i] as number) - RIDGE * (coefficients[i] as number);
      hessian.set(i, i, hessian.get(i, i) + RIDGE);
    }
    for (let i = 0; i < size; i += 1)
      for (let j = i + 1; j < size; j += 1) hessian.set(i, j, hessian.get(j, i));
    const step = new CholeskyDecomposition(hessian).solve(Matrix.columnVector(gradient)).to1DArray();
    coefficients = coefficients.map((value, position) => value + (step[position] as number));
    if (step.reduce((sum, value) => sum + value * value, 0) < TOLERANCE) break;
  }
  return { mean, scale, weights: coefficients.slice(1), bias: coefficients[0] as number };
}
