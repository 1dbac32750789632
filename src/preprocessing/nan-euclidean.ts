/*
 * scikit-learn's `nan_euclidean_distances` operation for operation, so that equal and nearly
 * equal distances compare exactly as they do in scikit-learn (which decides KNNImputer's
 * neighbours among ties). scikit-learn expands ‖x − y‖² as
 *
 *   d² = max(−2·x·y + ‖x‖² + ‖y‖², 0) − Σ_{j: y_j missing} x_j² − Σ_{j: x_j missing} y_j²
 *
 * with missing entries set to 0, clips at 0 again, divides by the number of coordinates both rows
 * have and multiplies by the number of features. The dot product comes from BLAS (OpenBLAS
 * accumulates each entry with fused multiply-adds in feature order) and the squared norms from
 * numpy's `einsum` (for a row-major array two SSE lanes, blocks of eight in reverse order).
 */

import { productError } from "../core/product-error.js";

const UNIT_ROUNDOFF = 2 ** -53;

/** `einsum("ij,ij->i")` of one row: numpy's two-lane sum of squares. */
export function einsumSquares(x: Float64Array, offset: number, d: number): number {
  let l0 = 0;
  let l1 = 0;
  let j = offset;
  let count = d;
  for (; count >= 8; count -= 8, j += 8) {
    l0 = x[j] * x[j] + (x[j + 2] * x[j + 2] + (x[j + 4] * x[j + 4] + (x[j + 6] * x[j + 6] + l0)));
    l1 = x[j + 1] * x[j + 1] + (x[j + 3] * x[j + 3] + (x[j + 5] * x[j + 5] + (x[j + 7] * x[j + 7] + l1)));
  }
  for (; count > 0; count -= 2, j += 2) {
    l0 = x[j] * x[j] + l0;
    if (count > 1) l1 = x[j + 1] * x[j + 1] + l1;
  }
  return 0 + (l0 + l1);
}

/** `einsum("ij,ij->i")` of one row of a column-major array: numpy adds the squares in feature order, from 0. */
export function sequentialSquares(x: Float64Array, d: number): number {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += x[j] * x[j];
  return sum;
}

/**
 * The distance from the parts of the expansion above: the dot product `dot`, the squared norms
 * `xx` and `yy`, Σ x_j² over the j y misses (`xCorrection`), Σ y_j² over the j x misses
 * (`yCorrection`), and the number of coordinates both have (`shared`; NaN when there is none,
 * which makes the distance NaN), out of `d` features.
 */
export function distanceFromParts(dot: number, xx: number, yy: number, xCorrection: number, yCorrection: number, shared: number, d: number): number {
  let d2 = -2 * dot + xx + yy;
  if (!(d2 > 0)) d2 = 0;
  d2 -= xCorrection;
  d2 -= yCorrection;
  if (!(d2 > 0)) d2 = 0;
  return Math.sqrt((d2 / shared) * d);
}

/** `a * b + c` with one rounding, as the fused multiply-add of BLAS kernels. */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const p = a * b;
  const e = productError(a, b, p);
  return e === 0 ? p + c : fusedSum(p, e, c);
}

/** `p + e + c` rounded once, where `p + e` is an exact product (`p` its rounding). */
function fusedSum(p: number, e: number, c: number): number {
  const s = p + c;
  // p + c = s + t exactly (TwoSum); the exact result is s + t + e.
  const bb = s - p;
  const t = p - (s - bb) + (c - bb);
  const u = t + e;
  const v = t - (u - (u - t)) + (e - (u - t)); // t + e = u + v exactly
  const r = s + u;
  if (v === 0) return r;
  const w = u - (r - s); // s + u = r + w exactly
  // A tie in s + u that the tiny v breaks: round away from r toward v.
  if (w !== 0 && Math.abs(w) === ulp(r) / 2 && v > 0 === w > 0) return r + 2 * w;
  return r;
}

function ulp(x: number): number {
  const a = Math.abs(x);
  if (a === 0) return Number.MIN_VALUE;
  return 2 ** (Math.floor(Math.log2(a)) - 52);
}

/** True when `v * y` is exact for every integer `y` of magnitude below 2^26. */
export function isSmallInteger(v: number): boolean {
  return Number.isInteger(v) && Math.abs(v) < 67108864;
}

/** A bound on how far the unfused distance row can be from the fused one, in distance units. */
export function unfusedSlack(xx: number, maxYY: number, d: number): number {
  const bound = (4 * d + 32) * UNIT_ROUNDOFF * (xx + maxYY);
  return Math.sqrt(bound * d);
}
