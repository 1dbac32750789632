import { DataError } from "../../core/errors.js";
import { toSortedSample, type SortedSample } from "./sorted-sample.js";

/** The first Wasserstein (earth mover's) distance between two samples, as scipy's `wasserstein_distance(u, v)`. */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  if (u.length === 0 || v.length === 0) throw new DataError("wassersteinDistance: both samples need at least one value");
  return wassersteinSorted(toSortedSample(u, "wassersteinDistance"), toSortedSample(v, "wassersteinDistance"));
}

/** W1 = ∫ |F_u - F_v| over the merged support, on sorted samples with counts. */
export function wassersteinSorted(a: SortedSample, b: SortedSample): number {
  const largest = Math.max(Math.abs(a.values[0]), Math.abs(a.values[a.values.length - 1]), Math.abs(b.values[0]), Math.abs(b.values[b.values.length - 1]));
  // Near ±1.8e308 a gap between two values overflows; quartering (exact) keeps every gap finite.
  const scale = largest > 2 ** 1020 ? 0.25 : 1;
  let i = 0;
  let j = 0;
  let k1 = 0;
  let k2 = 0;
  let previous = NaN;
  let previousGap = 0;
  let sum = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = i < na ? a.values[i] : Infinity;
    const y = j < nb ? b.values[j] : Infinity;
    const t = x <= y ? x : y;
    if (previous === previous) sum += previousGap * (t * scale - previous * scale);
    if (x <= y) k1 += a.counts[i++];
    if (y <= x) k2 += b.counts[j++];
    previousGap = Math.abs(k1 / a.n - k2 / b.n);
    previous = t;
  }
  return sum / scale;
}

/**
 * Evidently's normed Wasserstein score: W1(reference, current) divided by the reference's
 * population standard deviation, floored at 0.001.
 */
export function wassersteinNormed(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const ref = toSortedSample(reference, "wassersteinNormed");
  if (ref.n === 0 || current.length === 0) throw new DataError("wassersteinNormed: both samples need at least one value");
  return normedScore(wassersteinSorted(ref, toSortedSample(current, "wassersteinNormed")), populationMoments(reference).std);
}

/** W1 / max(std, 0.001); a DataError when that exceeds the largest double. */
export function normedScore(distance: number, std: number): number {
  const score = distance / Math.max(std, 0.001);
  if (!Number.isFinite(score)) throw new DataError(`wassersteinNormed: the normed distance (${distance} / max(${std}, 0.001)) is beyond the largest double; rescale the values`);
  return score;
}

/**
 * numpy's `np.mean` and `np.std` (ddof 0), two-pass. Values so large that their sum or squares
 * would overflow are first scaled by a power of two (exact), so ordinary data is unaffected.
 */
export function populationMoments(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(values[i]));
  const scale = largest > 2 ** 500 ? 2 ** -Math.ceil(Math.log2(largest)) : 1;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] * scale;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] * scale - mean) ** 2;
  return { mean: mean / scale, std: Math.sqrt(squares / n) / scale };
}
