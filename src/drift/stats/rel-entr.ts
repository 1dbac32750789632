import { DataError } from "../../core/errors.js";

const MIN_NORMAL = 2 ** -1022;

/** scipy's `rel_entr(x, y)`: x log(x / y), 0 when x = 0, Infinity when y = 0 < x. */
export function relEntr(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (!(x > 0 && y > 0)) return x === 0 && y >= 0 ? 0 : Infinity;
  // The branches of scipy's (xsf) kernel: log1p near x = y for accuracy, and the difference of
  // logarithms where x / y underflows or overflows (it would give ±Infinity).
  const ratio = x / y;
  if (ratio > 0.5 && ratio < 2) return x * Math.log1p((x - y) / y);
  if (ratio > MIN_NORMAL && ratio < Infinity) return x * Math.log(ratio);
  return x * (Math.log(x) - Math.log(y));
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
