import { NO_PAUSE, type Pause } from "../../lifecycle/time-slices.js";
import { dot } from "./dot.js";

/**
 * A linear probe on the meaning vectors: a ridge regression of one-hot classes (each entry, and "none" for
 * the questions the entries list as unanswered) on the vectors, solved in closed form when an index is
 * built. Closest-phrasing similarity asks "which phrasing is this near?"; the probe learns which directions
 * of the space tell one entry from the others and from its near misses, so a paraphrase far from every
 * single phrasing can still be placed, and a near miss close to one is pulled towards "none".
 */
export interface LinearProbe {
  /** Per entry: its score less the best other class's (another entry's, or "none"). */
  leads(vector: Float32Array): Float64Array;
}

/**
 * The ridge penalty on the weights (not on the constant). Chosen on dev in five folds (`npm run fit --
 * --cross-validate`): 0.01, 0.03 and 0.1 gave the same frontier within a question or two; 1 and 10 fewer
 * right at the same share of out-of-scope answered. The most penalised of the good ones.
 */
export const PROBE_RIDGE = 0.1;

/**
 * Solves `system · x = b` for each b in `rights`, `system` symmetric positive definite (`size` × `size`,
 * row-major, only its upper half read), by Cholesky factorisation. By hand rather than ml-matrix's, because
 * a hot reload must give the event loop a turn every few milliseconds: `pause` is awaited after each column
 * of the factor and each solve. ml-matrix took about 170 ms in two unbroken pieces for 513 × 513.
 */
export async function solveSymmetric(
  system: Float64Array,
  size: number,
  rights: readonly Float64Array[],
  pause: Pause = NO_PAUSE,
): Promise<Float64Array[]> {
  // The lower factor, row-major: system = factor · factorᵀ.
  const factor = new Float64Array(size * size);
  for (let column = 0; column < size; column += 1) {
    const columnRow = column * size;
    let diagonal = system[columnRow + column] as number;
    for (let k = 0; k < column; k += 1) diagonal -= (factor[columnRow + k] as number) ** 2;
    if (!(diagonal > 0)) throw new Error("solveSymmetric: the system is not positive definite");
    const pivot = Math.sqrt(diagonal);
    factor[columnRow + column] = pivot;
    for (let row = column + 1; row < size; row += 1) {
      const rowStart = row * size;
      let value = system[columnRow + row] as number;
      for (let k = 0; k < column; k += 1)
        value -= (factor[rowStart + k] as number) * (factor[columnRow + k] as number);
      factor[rowStart + column] = value / pivot;
    }
    await pause();
  }
  const solutions: Float64Array[] = [];
  for (const right of rights) {
    const between = new Float64Array(size);
    for (let row = 0; row < size; row += 1) {
      let value = right[row] as number;
      for (let k = 0; k < row; k += 1) value -= (factor[row * size + k] as number) * (between[k] as number);
      between[row] = value / (factor[row * size + row] as number);
    }
    const solution = new Float64Array(size);
    for (let row = size - 1; row >= 0; row -= 1) {
      let value = between[row] as number;
      for (let k = row + 1; k < size; k += 1)
        value -= (factor[k * size + row] as number) * (solution[k] as number);
      solution[row] = value / (factor[row * size + row] as number);
    }
    solutions.push(solution);
    await pause();
  }
  return solutions;
}

/**
 * Fits the probe. `classes[i]` is vector i's class, 0 to `classCount - 1`; the last class is "none", and
 * `leads` reports the others. `pause` is awaited between steps of about a millisecond or two.
 */
export async function fitLinearProbe(
  vectors: readonly Float32Array[],
  classes: readonly number[],
  classCount: number,
  options: { ridge?: number; pause?: Pause } = {},
): Promise<LinearProbe> {
  const { ridge = PROBE_RIDGE, pause = NO_PAUSE } = options;
  const entries = classCount - 1;
  const first = vectors[0];
  if (first === undefined || entries < 1) return { leads: () => new Float64Array(Math.max(entries, 0)) };
  const size = first.length + 1;
  // Column by column (the constant last), so each Gram cell is one dot product of two contiguous arrays.
  // Float32 loses nothing: the vectors are Float32 and the sums are kept in doubles.
  const columns = Array.from({ length: size }, () => new Float32Array(vectors.length));
  // Each class's right-hand side: the sum of its vectors (and their count, in the constant's place).
  const rights = Array.from({ length: classCount }, () => new Float64Array(size));
  for (const [position, vector] of vectors.entries()) {
    const right = rights[classes[position] as number] as Float64Array;
    vector.forEach((value, i) => {
      (columns[i] as Float32Array)[position] = value;
      right[i] = (right[i] as number) + value;
    });
    (columns[size - 1] as Float32Array)[position] = 1;
    right[size - 1] = (right[size - 1] as number) + 1;
    if (position % 256 === 255) await pause();
  }
  const system = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = i; j < size; j += 1)
      system[i * size + j] = dot(columns[i] as Float32Array, columns[j] as Float32Array);
    // The constant's weight is the class's intercept: not penalised.
    if (i < size - 1) system[i * size + i] = (system[i * size + i] as number) + ridge;
    await pause();
  }
  const weights = await solveSymmetric(system, size, rights, pause);
  return {
    leads(vector) {
      const scores = weights.map((column) => {
        let sum = column[size - 1] as number;
        for (let i = 0; i < size - 1; i += 1) sum += (column[i] as number) * (vector[i] as number);
        return sum;
      });
      // Each entry's best other class is the best class, or the second best for the best class itself.
      let bestClass = 0;
      let best = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      scores.forEach((score, owner) => {
        if (score > best) {
          second = best;
          best = score;
          bestClass = owner;
        } else if (score > second) second = score;
      });
      return Float64Array.from(
        { length: entries },
        (_, entry) => (scores[entry] as number) - (entry === bestClass ? second : best),
      );
    },
  };
}
