import { DataError } from "../../core/errors.js";

/** scipy's `rel_entr(x, y)`: x log(x / y), 0 when x = 0, Infinity when y = 0 < x. */
export function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

/** Weights divided by their sum; a DataError for negative, non-finite or all-zero weights. */
export function normalizeWeights(p: ArrayLike<number>, what: string, method: string): Float64Array {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0) || !Number.isFinite(p[i])) throw new DataError(`${method}: ${what}[${i}] = ${p[i]} is not a finite non-negative weight`);
    sum += p[i];
  }
  if (!(sum > 0)) throw new DataError(`${method}: ${what} sums to 0`);
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] / sum;
  return out;
}
