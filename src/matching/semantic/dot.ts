/**
 * The dot product of two vectors of one length. Four running sums, not one: each addition no longer waits
 * for the one before, which halves the scan that every question's reading costs (about 2,200 vectors).
 * The meaning model's vectors are unit length, so for them it is their cosine similarity; the linear
 * probe also sums its Gram matrix with it.
 */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  const whole = a.length - (a.length % 4);
  let index = 0;
  for (; index < whole; index += 4) {
    sum0 += (a[index] as number) * (b[index] as number);
    sum1 += (a[index + 1] as number) * (b[index + 1] as number);
    sum2 += (a[index + 2] as number) * (b[index + 2] as number);
    sum3 += (a[index + 3] as number) * (b[index + 3] as number);
  }
  for (; index < a.length; index += 1) sum0 += (a[index] as number) * (b[index] as number);
  return sum0 + sum1 + sum2 + sum3;
}
